using System.Globalization;
using Perrin.Analysis.Localizers;
using Perrin.Analysis.Localizers.Candidates;
using Perrin.Core.Imaging;

namespace Perrin.Cli.Demo;

/// <summary>
/// The classical baselines of `perrin locate`, set up for iSCAT spots from the optics alone (never from the truth):
/// the spot σ of <see cref="DemoScenario.SpotSigmaPx"/>, ROIs of ±2σ, candidates at least σ apart, and detection at
/// 5 noise standard deviations of the smoothed deviation frame.
/// </summary>
internal static class ClassicalMethods
{
    public const double ThresholdSigmas = 5;

    /// <summary>Half-width of the classical methods' ROIs, px; positions nearer the edge are not scored for any method.</summary>
    public static int RoiRadiusPx => (int)Math.Ceiling(2 * DemoScenario.SpotSigmaPx);

    public static IReadOnlyList<DemoMethod> Create(double noiseSigma)
    {
        var sigma = DemoScenario.SpotSigmaPx;
        var c = CultureInfo.InvariantCulture;
        var detector = new CandidateDetectorParameters
        {
            SigmaPx = sigma,
            ThresholdSigmas = ThresholdSigmas,
            MinDistancePx = (int)Math.Round(sigma),
        };
        var diameter = (2 * (int)Math.Round(1.5 * sigma)) + 1;

        // trackpy's mass is summed over the bandpassed spot; the box background takes about half of a Gaussian's
        // 2πσ²·peak, so this is a spot whose peak stands 5 noise σ above its surroundings.
        var minMass = Math.PI * sigma * sigma * ThresholdSigmas * noiseSigma;
        var trackpy = new CrockerGrierParameters(diameter) { MinMass = minMass, Separation = 2 * sigma };
        var radial = new RadialSymmetryParameters { Detector = detector, RoiRadiusPx = RoiRadiusPx };
        var mle = new GaussianMleParameters { Detector = detector, RoiRadiusPx = RoiRadiusPx, FitSigma = true };
        var candidates = string.Create(c, $"candidates: Gaussian smoothing σ = {sigma:F1} px minus a box background, local maxima ≥ {ThresholdSigmas} robust noise σ, ≥ {detector.MinDistancePx} px apart; ROI ±{RoiRadiusPx} px");
        return
        [
            new DemoMethod("crocker-grier", string.Create(c, $"trackpy.locate: diameter {diameter} px, separation {2 * sigma:F1} px, minmass {minMass:G3} (a spot {ThresholdSigmas} noise σ high), noise_size 1, percentile 64"),
                () => new CrockerGrier(trackpy, PixelType.Float32)),
            new DemoMethod("radial", $"radial-symmetry centres (Parthasarathy 2012); {candidates}", () => new RadialSymmetry(radial)),
            new DemoMethod("gauss-mle", $"integrated-Gaussian Poisson MLE with σ fitted (Smith et al. 2010); {candidates}", () => new GaussianMle(mle)),
        ];
    }
}
