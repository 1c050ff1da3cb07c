using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers.Mle;

/// <summary>The Gaussian MLE of one ROI and its conversion to a localization (see <see cref="GaussianMle"/>).</summary>
internal sealed class MleRoiFit(GaussianMleParameters parameters, int size) : IRoiFit
{
    private readonly MleFitter _fitter = new(size, parameters.Camera.ReadNoiseVariance);

    public Localization? Fit(in RoiView roi) => Fit(roi, null, []);

    /// <summary>
    /// The fit started at <paramref name="start"/> (the ROI's centroid when null) with other spots' expected
    /// photoelectrons <paramref name="knownLight"/> in the model (empty for none), or null when it is rejected.
    /// </summary>
    public Localization? Fit(in RoiView roi, MleStart? start, ReadOnlySpan<float> knownLight)
    {
        var fit = _fitter.Fit(roi.Photoelectrons, parameters.Detector.SigmaPx, parameters.FitSigma, parameters.MaxIterations, start, knownLight);
        if (!Accept(fit, roi.Size))
        {
            return null;
        }

        var px = roi.PixelSizeNm;
        var qe = parameters.Camera.QuantumEfficiency;
        var uncertaintyPx = Math.Sqrt(0.5 * (fit.VarianceX + fit.VarianceY));
        var stats = roi.CountStatistics();
        return new Localization(roi.FrameIndex, (roi.Left + fit.X + 0.5) * px, (roi.Top + fit.Y + 0.5) * px)
        {
            Sigma = fit.Sigma * px,
            Intensity = fit.Photons / qe,
            Offset = fit.Background / qe,
            BkgStd = fit.ResidualStd / qe,
            Uncertainty = uncertaintyPx * px,
            Chi2 = fit.LogLikelihoodRatio,
            RawMass = stats.RawMass,
            Mass = stats.Mass,
            Signal = stats.Signal,
            Size = fit.Sigma,
            Ep = uncertaintyPx,
        };
    }

    private static bool Accept(in MleFitResult fit, int size) =>
        fit.Converged
        && fit.X >= -0.5 && fit.X <= size - 0.5
        && fit.Y >= -0.5 && fit.Y <= size - 0.5
        && fit.Photons > 0
        && double.IsFinite(fit.VarianceX) && double.IsFinite(fit.VarianceY);
}
