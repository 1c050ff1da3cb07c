using Perrin.Analysis.Localizers.Mle;
using Perrin.Core.Maths;

namespace Perrin.Analysis.Localizers;

/// <summary>
/// The best possible localization precision of a Gaussian spot under Poisson noise: Mortensen et al. 2010's
/// closed form (Nature Methods 7:377, eq. 6), and the exact bound from the Fisher information of the
/// pixel-integrated model that <see cref="GaussianMle"/> fits (Smith et al. 2010).
/// </summary>
public static class CramerRaoBound
{
    // Beyond 40 e-folds below the integrand's knee the rest of ∫ v·eᵛ/(1 + eᵛ/τ) dv is below 1e-15 of it.
    private const double IntegrationSpan = 40.0;
    private const int Panels = 40;

    /// <summary>
    /// Mortensen's variance per axis, σₐ²/N · (1 + ∫₀¹ ln t / (1 + t/τ) dt)⁻¹ with σₐ² = σ² + a²/12 and
    /// τ = 2π·σₐ²·b / (N·a²). Any length unit, as long as <paramref name="sigma"/> and <paramref name="pixelSize"/> share it.
    /// </summary>
    /// <param name="photons">Photons in the spot, N &gt; 0.</param>
    /// <param name="backgroundPerPixel">Background photons per pixel, b ≥ 0.</param>
    public static double MortensenVariance(double photons, double backgroundPerPixel, double sigma, double pixelSize)
    {
        Check(photons, backgroundPerPixel, sigma, pixelSize);
        var sigmaA2 = (sigma * sigma) + (pixelSize * pixelSize / 12.0);
        var tau = 2.0 * Math.PI * sigmaA2 * backgroundPerPixel / (photons * pixelSize * pixelSize);
        return sigmaA2 / photons / (1.0 + LogIntegral(tau));
    }

    /// <summary>√ of <see cref="MortensenVariance"/> with σ and the pixel size in nanometres: nanometres per axis.</summary>
    public static double MortensenUncertaintyNm(double photons, double backgroundPerPixel, double sigmaNm, double pixelSizeNm) =>
        Math.Sqrt(MortensenVariance(photons, backgroundPerPixel, sigmaNm, pixelSizeNm));

    /// <summary>
    /// The bound from the inverse Fisher information of the integrated-Gaussian model on a square ROI, as
    /// <see cref="GaussianMle"/> fits it.
    /// </summary>
    /// <param name="sigmaPx">PSF σ in pixels.</param>
    /// <param name="roiSize">ROI side in pixels; the spot's centre is (<paramref name="xPx"/>, <paramref name="yPx"/>) in ROI pixels, (0, 0) the centre of its first pixel.</param>
    /// <param name="fitSigma">Whether σ is a fifth parameter (it costs precision when it is).</param>
    /// <param name="readNoiseVariance">Read-noise variance in photoelectrons² (σ_read²/gain²), 0 for an ideal camera.</param>
    public static CrlbEstimate Fisher(double photons, double backgroundPerPixel, double sigmaPx, int roiSize, double xPx, double yPx, bool fitSigma, double readNoiseVariance = 0)
    {
        Check(photons, backgroundPerPixel, sigmaPx, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(roiSize, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(roiSize, 512);
        if (!double.IsFinite(xPx) || !double.IsFinite(yPx))
        {
            throw new ArgumentOutOfRangeException(nameof(xPx), $"the spot's position ({xPx}, {yPx}) must be finite");
        }

        if (!(readNoiseVariance >= 0) || double.IsInfinity(readNoiseVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(readNoiseVariance), readNoiseVariance, "the read-noise variance must be finite and not negative");
        }

        var p = fitSigma ? 5 : 4;
        var model = new GaussianModel(roiSize, readNoiseVariance);
        Span<double> theta = [xPx, yPx, photons, backgroundPerPixel, sigmaPx];
        Span<double> gradient = stackalloc double[GaussianModel.MaxParameters];
        Span<double> fisher = stackalloc double[GaussianModel.MaxParameters * GaussianModel.MaxParameters];
        Span<double> variance = stackalloc double[GaussianModel.MaxParameters];
        model.Evaluate(theta, p, [], gradient, fisher);
        if (!SymmetricSolver.TryInverseDiagonal(fisher, p, variance))
        {
            variance.Fill(double.PositiveInfinity);
        }

        return new CrlbEstimate(variance[0], variance[1], variance[2], variance[3], fitSigma ? variance[4] : double.NaN);
    }

    /// <summary>
    /// The Fisher bound per axis in nanometres for a spot centred on a pixel in a ROI of ±4σ (at least 7 px), σ
    /// fixed: the same situation as Mortensen's formula, computed exactly for the pixelated model.
    /// </summary>
    public static double FisherUncertaintyNm(double photons, double backgroundPerPixel, double sigmaNm, double pixelSizeNm)
    {
        Check(photons, backgroundPerPixel, sigmaNm, pixelSizeNm);
        var sigmaPx = sigmaNm / pixelSizeNm;
        var radius = Math.Clamp((int)Math.Ceiling(4.0 * sigmaPx), 3, 255);
        var bound = Fisher(photons, backgroundPerPixel, sigmaPx, (2 * radius) + 1, radius, radius, fitSigma: false);
        return bound.LateralPx * pixelSizeNm;
    }

    // ∫₀¹ ln t / (1 + t/τ) dt, as ∫ v·eᵛ / (1 + eᵛ/τ) dv over v = ln t, by composite Gauss–Legendre on a span that
    // reaches well below both the integrand's knee at v = ln τ and v = 0.
    private static double LogIntegral(double tau)
    {
        if (tau == 0)
        {
            return 0;
        }

        var low = Math.Min(Math.Log(tau), 0.0) - IntegrationSpan;
        var width = -low / Panels;
        var rule = GaussLegendre.Get(16);
        double sum = 0;
        for (var panel = 0; panel < Panels; panel++)
        {
            var mid = low + ((panel + 0.5) * width);
            for (var k = 0; k < rule.Order; k++)
            {
                var v = mid + (0.5 * width * rule.Nodes[k]);
                var t = Math.Exp(v);
                sum += rule.Weights[k] * v * t / (1.0 + (t / tau));
            }
        }

        return 0.5 * width * sum;
    }

    private static void Check(double photons, double background, double sigma, double pixelSize)
    {
        if (!(photons > 0) || double.IsInfinity(photons))
        {
            throw new ArgumentOutOfRangeException(nameof(photons), photons, "the spot's photons must be a positive number");
        }

        if (!(background >= 0) || double.IsInfinity(background))
        {
            throw new ArgumentOutOfRangeException(nameof(background), background, "the background must be a finite, non-negative number of photons per pixel");
        }

        if (!(sigma > 0) || double.IsInfinity(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "the PSF σ must be positive");
        }

        if (!(pixelSize > 0) || double.IsInfinity(pixelSize))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelSize), pixelSize, "the pixel size must be positive");
        }
    }
}
