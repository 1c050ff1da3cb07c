using System.Numerics;
using Perrin.Core.Maths;
using Perrin.Core.Randomness;
using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Iscat;

/// <summary>
/// The reference field reflected by a rough coverslip, the static speckle-like background of iSCAT images.
/// The surface height h(x, y) is a stationary Gaussian random field of rms <see cref="RmsNm"/> and Gaussian
/// correlation ⟨h(0)h(r)⟩ = rms²·exp(−r²/ℓ²), ℓ = <see cref="CorrelationNm"/> (the usual roughness model, e.g.
/// Ogilvy, Theory of Wave Scattering from Random Rough Surfaces, 1991, §2). The light reflected at height h travels
/// the extra path 2·n·h in the substrate (index n = <see cref="SubstrateIndex"/>), so the reflected field, relative
/// to that of a flat surface, is exp(i·4π·n·h/λ); the objective passes only its spatial frequencies up to NA/λ, and
/// what it passes is the reference E_r' seen on the camera, |E_r'|² being the speckle. In focus a weak phase screen
/// shows only through the frequencies the aperture cuts, so the speckle contrast grows as rms²; with the focus
/// <see cref="DefocusNm"/> beyond the surface each passed frequency f also gains the defocus phase
/// −2π·D·(√((n/λ)² − f²) − n/λ), which turns phase into intensity. The light scattered beyond
/// the aperture is lost, so the mean of |E_r'|² is slightly below 1, the more so the rougher the surface.
/// The field is periodic over the image (it is drawn with FFTs of the image size) and sampled at pixel centres.
/// </summary>
public sealed record SubstrateSpeckle
{
    /// <summary>Purpose of the stream (seed, sample, purpose) a sample's surface is drawn from.</summary>
    public static readonly ulong Purpose = StablePathHash.Of("perrin.simulation.iscat.speckle");

    public SubstrateSpeckle(double wavelengthNm, double numericalAperture, double substrateIndex, double pixelSizeNm, double rmsNm, double correlationNm)
    {
        Positive(wavelengthNm, nameof(wavelengthNm));
        Positive(numericalAperture, nameof(numericalAperture));
        Positive(substrateIndex, nameof(substrateIndex));
        Positive(pixelSizeNm, nameof(pixelSizeNm));
        Positive(correlationNm, nameof(correlationNm));
        if (!(rmsNm >= 0 && double.IsFinite(rmsNm)))
        {
            throw new ArgumentException($"The rms height must be finite and at least 0 nm, got {rmsNm}.", nameof(rmsNm));
        }

        WavelengthNm = wavelengthNm;
        NumericalAperture = numericalAperture;
        SubstrateIndex = substrateIndex;
        PixelSizeNm = pixelSizeNm;
        RmsNm = rmsNm;
        CorrelationNm = correlationNm;
    }

    public double WavelengthNm { get; }

    public double NumericalAperture { get; }

    public double SubstrateIndex { get; }

    public double PixelSizeNm { get; }

    public double RmsNm { get; }

    public double CorrelationNm { get; }

    /// <summary>How far the focal plane lies beyond the surface, into the sample, in nm.</summary>
    public double DefocusNm
    {
        get;
        init => field = double.IsFinite(value) ? value : throw new ArgumentException($"The defocus must be finite, got {value}.", nameof(DefocusNm));
    }

    /// <summary>The stream sample <paramref name="sample"/>'s surface is drawn from: a pure function of (seed, sample).</summary>
    public static RandomStream Stream(ulong seed, ulong sample) => new(seed, sample, Purpose);

    /// <summary>Draws a surface height map (nm), row-major width × height, from <paramref name="rng"/>.</summary>
    public void DrawHeights(RandomStream rng, int width, int height, Span<double> heights)
    {
        ArgumentNullException.ThrowIfNull(rng);
        RequireSize(heights.Length, width, height);
        var buffer = new Complex[width * height];
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = rng.Normal();
        }

        // White noise of unit variance filtered by H(f) = exp(−π²ℓ²f²/2) has the covariance whose transform is
        // |H|² = exp(−π²ℓ²f²), i.e. exp(−r²/ℓ²); its variance (1/N)·Σ|H|² sets the scale to the requested rms.
        Fft2D.Forward(buffer, height, width);
        var variance = 0.0;
        var l2 = Math.PI * Math.PI * CorrelationNm * CorrelationNm;
        for (var row = 0; row < height; row++)
        {
            var fy = Frequency(row, height);
            for (var column = 0; column < width; column++)
            {
                var fx = Frequency(column, width);
                var filter = Math.Exp(-0.5 * l2 * ((fx * fx) + (fy * fy)));
                variance += filter * filter;
                buffer[(row * width) + column] *= filter;
            }
        }

        Fft2D.Inverse(buffer, height, width);
        var scale = RmsNm / Math.Sqrt(variance / buffer.Length);
        for (var i = 0; i < buffer.Length; i++)
        {
            heights[i] = scale * buffer[i].Real;
        }
    }

    /// <summary>
    /// Writes the reflected reference E_r' (relative to a flat surface's) at each pixel centre: a new surface from
    /// <paramref name="rng"/>, its phase exp(i·4π·n·h/λ), low-passed to the aperture.
    /// </summary>
    public void Draw(RandomStream rng, int width, int height, Span<Complex> reference)
    {
        ArgumentNullException.ThrowIfNull(rng);
        RequireSize(reference.Length, width, height);
        var heights = new double[width * height];
        DrawHeights(rng, width, height, heights);
        var radiansPerNm = 4 * Math.PI * SubstrateIndex / WavelengthNm;
        for (var i = 0; i < heights.Length; i++)
        {
            reference[i] = Complex.FromPolarCoordinates(1, radiansPerNm * heights[i]);
        }

        Fft2D.Forward(reference, height, width);
        var cutoff2 = NumericalAperture / WavelengthNm * (NumericalAperture / WavelengthNm);
        var k = SubstrateIndex / WavelengthNm;
        for (var row = 0; row < height; row++)
        {
            var fy = Frequency(row, height);
            for (var column = 0; column < width; column++)
            {
                var fx = Frequency(column, width);
                var f2 = (fx * fx) + (fy * fy);
                reference[(row * width) + column] *= f2 > cutoff2
                    ? Complex.Zero
                    : Complex.FromPolarCoordinates(1, -2 * Math.PI * DefocusNm * (Math.Sqrt((k * k) - f2) - k));
            }
        }

        Fft2D.Inverse(reference, height, width);
    }

    // Cycles per nm of FFT index j on an axis of n pixels.
    private double Frequency(int j, int n) => (j < (n + 1) / 2 ? j : j - n) / (n * PixelSizeNm);

    private static void RequireSize(int length, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if ((long)width * height != length)
        {
            throw new ArgumentException($"The buffer holds {length} values, not {width}×{height}.", nameof(length));
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentException($"{name} must be positive and finite, got {value}.", name);
        }
    }
}
