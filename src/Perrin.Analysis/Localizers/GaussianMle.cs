using System.Buffers;
using Perrin.Analysis.Localizers.Candidates;
using Perrin.Analysis.Localizers.Mle;
using Perrin.Core.Imaging;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Localizers;

/// <summary>
/// Maximum-likelihood fit of a pixel-integrated 2D Gaussian under Poisson statistics (Smith et al. 2010, Nature
/// Methods 7:373) to a square ROI around each candidate, with read noise by the sCMOS approximation. Reports
/// photons (Intensity), background per pixel (Offset), σ, the residuals' spread (BkgStd), the log-likelihood ratio
/// 2·Σ[μ − d + d·ln(d/μ)] (Chi2, about χ² with ROI pixels − parameters degrees of freedom for a good fit) and the
/// Cramér–Rao bound √((Var x + Var y)/2) at the estimate as Uncertainty. trackpy's columns carry the ROI's raw and
/// rim-subtracted sums and peak in the frame's counts, σ as size and the bound as ep (both in pixels).
/// Fits that do not converge or leave their ROI are dropped. Thread-safe.
/// </summary>
public sealed class GaussianMle : IFrameLocalizer
{
    private readonly CandidateDetector _detector;

    public GaussianMle(GaussianMleParameters? parameters = null)
    {
        Parameters = parameters ?? new GaussianMleParameters();
        Parameters.Validate();
        _detector = new CandidateDetector(Parameters.Detector);
    }

    public string Name => "gauss-mle";

    public GaussianMleParameters Parameters { get; }

    public IReadOnlyList<Localization> Locate(ImageFrame frame, int frameIndex, double pixelSizeNm)
    {
        PixelCoordinates.Validate(pixelSizeNm, nameof(pixelSizeNm));
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        var found = new List<Localization>();
        var (height, width) = (frame.Height, frame.Width);
        var n = height * width;
        if (n == 0)
        {
            return found;
        }

        var radius = Parameters.RoiRadiusPx;
        var size = (2 * radius) + 1;
        var photo = ArrayPool<float>.Shared.Rent(n);
        try
        {
            var photoelectrons = photo.AsSpan(0, n);
            Parameters.Camera.ToPhotoelectrons(frame.Pixels, photoelectrons);
            var candidates = _detector.Detect(photoelectrons, height, width, radius);
            var fitter = new MleFitter(size, Parameters.Camera.ReadNoiseVariance);
            var roi = new float[size * size];
            foreach (var c in candidates)
            {
                var (left, top) = (c.X - radius, c.Y - radius);
                if (!RoiStatistics.TryCopy(photoelectrons, width, left, top, size, roi))
                {
                    continue;
                }

                var fit = fitter.Fit(roi, Parameters.Detector.SigmaPx, Parameters.FitSigma, Parameters.MaxIterations);
                if (Accept(fit, size))
                {
                    found.Add(ToLocalization(fit, frame.Pixels, width, left, top, size, frameIndex, pixelSizeNm));
                }
            }

            return found;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(photo);
        }
    }

    private static bool Accept(in MleFitResult fit, int size) =>
        fit.Converged
        && fit.X >= -0.5 && fit.X <= size - 0.5
        && fit.Y >= -0.5 && fit.Y <= size - 0.5
        && fit.Photons > 0
        && double.IsFinite(fit.VarianceX) && double.IsFinite(fit.VarianceY);

    private Localization ToLocalization(in MleFitResult fit, ReadOnlySpan<float> counts, int width, int left, int top, int size, int frameIndex, double px)
    {
        var qe = Parameters.Camera.QuantumEfficiency;
        var uncertaintyPx = Math.Sqrt(0.5 * (fit.VarianceX + fit.VarianceY));
        var stats = RoiStatistics.Measure(counts, width, left, top, size);
        return new Localization(frameIndex, (left + fit.X + 0.5) * px, (top + fit.Y + 0.5) * px)
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
}
