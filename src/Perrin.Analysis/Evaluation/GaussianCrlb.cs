namespace Perrin.Analysis.Evaluation;

/// <summary>
/// The Cramér–Rao bound on one coordinate of a Gaussian spot on a pixelated detector with Poisson photons and a
/// uniform background, as achieved by maximum likelihood (Mortensen et al., Nature Methods 7, 377 (2010), eq. 5):
/// Var = σₐ²/N · [1 + ∫₀¹ ln t / (1 + t/τ) dt]⁻¹ with σₐ² = σ² + a²/12 and τ = 2π σₐ² b / (N a²). The integral is
/// τ·Li₂(−1/τ), evaluated in closed form.
/// </summary>
public sealed record GaussianCrlb
{
    /// <param name="psfSigmaNm">The standard deviation σ of the Gaussian PSF in nm.</param>
    /// <param name="backgroundPhotons">The expected background b in photons per pixel.</param>
    /// <param name="pixelSizeNm">The pixel size a in the sample plane, in nm.</param>
    public GaussianCrlb(double psfSigmaNm, double backgroundPhotons, double pixelSizeNm)
    {
        if (!double.IsFinite(psfSigmaNm) || psfSigmaNm <= 0)
            throw new ArgumentException($"the PSF sigma must be a positive number of nm, not {psfSigmaNm}", nameof(psfSigmaNm));
        if (!double.IsFinite(backgroundPhotons) || backgroundPhotons < 0)
            throw new ArgumentException($"the background must be a finite number of photons per pixel ≥ 0, not {backgroundPhotons}", nameof(backgroundPhotons));
        if (!double.IsFinite(pixelSizeNm) || pixelSizeNm <= 0)
            throw new ArgumentException($"the pixel size must be a positive number of nm, not {pixelSizeNm}", nameof(pixelSizeNm));
        PsfSigmaNm = psfSigmaNm;
        BackgroundPhotons = backgroundPhotons;
        PixelSizeNm = pixelSizeNm;
    }

    public double PsfSigmaNm { get; }

    public double BackgroundPhotons { get; }

    public double PixelSizeNm { get; }

    /// <summary>The bound on the variance of x (or y) in nm² for a spot of <paramref name="photons"/>; NaN unless photons &gt; 0.</summary>
    public double Variance(double photons)
    {
        if (!double.IsFinite(photons) || photons <= 0)
            return double.NaN;
        var a2 = PixelSizeNm * PixelSizeNm;
        var sigmaA2 = (PsfSigmaNm * PsfSigmaNm) + (a2 / 12);
        var integral = 0.0;
        if (BackgroundPhotons > 0)
        {
            var inverseTau = photons * a2 / (2 * Math.PI * sigmaA2 * BackgroundPhotons);
            integral = Dilogarithm.OfNegative(inverseTau) / inverseTau;
        }

        return sigmaA2 / photons / (1 + integral);
    }

    /// <summary>The bound on the standard deviation of x (or y) in nm.</summary>
    public double StandardDeviation(double photons) => Math.Sqrt(Variance(photons));
}
