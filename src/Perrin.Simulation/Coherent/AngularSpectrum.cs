using System.Collections.Concurrent;
using System.Numerics;
using Perrin.Core.Maths;

namespace Perrin.Simulation.Coherent;

/// <summary>
/// Angular-spectrum propagation of a scalar field sampled at the pixel centres of a width × height grid (pixel p,
/// periodic, frequencies in FFT order: column j holds fx = j/(width·p) for j &lt; ⌈width/2⌉, else (j − width)/(width·p)),
/// in a medium of index n at vacuum wavelength λ. A plane-wave component of frequency f gains
/// exp(i·2π·z·√((n/λ)² − |f|²)) over a distance z along the direction of travel; evanescent components
/// (|f| &gt; n/λ) are dropped. The objective's pupil (<see cref="ApplyPupil"/>) keeps |f| ≤ NA/λ with the amplitude
/// √cos θ of an aplanatic objective imaging a field: the image-side power of each plane wave then equals the power
/// it carries across the sample plane, so integrated image intensities are cross sections.
/// Immutable; <see cref="For"/> shares one instance per grid and optics between threads.
/// </summary>
public sealed class AngularSpectrum
{
    private const int CacheCapacity = 64;
    private static readonly ConcurrentDictionary<(int, int, double, double, double, double), AngularSpectrum> Cache = new();

    // Per bin: √((n/λ)² − f²) − n/λ in cycles/nm, NaN where evanescent; and the pupil amplitude, 0 outside the NA.
    private readonly double[] _axial;
    private readonly double[] _pupil;

    public AngularSpectrum(int width, int height, double pixelSizeNm, double wavelengthNm, double mediumIndex, double numericalAperture)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Positive(pixelSizeNm, nameof(pixelSizeNm));
        Positive(wavelengthNm, nameof(wavelengthNm));
        Positive(mediumIndex, nameof(mediumIndex));
        if (!(numericalAperture > 0 && numericalAperture <= mediumIndex))
        {
            throw new ArgumentOutOfRangeException(nameof(numericalAperture), numericalAperture, $"The numerical aperture must lie in (0, n = {mediumIndex}].");
        }

        if ((long)width * height > Array.MaxLength)
        {
            throw new ArgumentException($"A {width}×{height} grid is too large.", nameof(width));
        }

        Width = width;
        Height = height;
        PixelSizeNm = pixelSizeNm;
        WavelengthNm = wavelengthNm;
        MediumIndex = mediumIndex;
        NumericalAperture = numericalAperture;
        _axial = new double[width * height];
        _pupil = new double[width * height];
        double k = mediumIndex / wavelengthNm;
        double cutoff = CutoffFrequencyPerNm;
        for (int row = 0; row < height; row++)
        {
            double fy = FrequencyY(row);
            for (int col = 0; col < width; col++)
            {
                double fx = FrequencyX(col);
                double f2 = (fx * fx) + (fy * fy);
                int i = (row * width) + col;
                double kz2 = (k * k) - f2;
                _axial[i] = kz2 >= 0 ? Math.Sqrt(kz2) - k : double.NaN;
                _pupil[i] = f2 <= cutoff * cutoff && kz2 > 0 ? Math.Sqrt(Math.Sqrt(kz2) / k) : 0;
            }
        }

        PupilRadiusX = Math.Min((int)Math.Floor(cutoff * width * pixelSizeNm), width / 2);
        PupilRadiusY = Math.Min((int)Math.Floor(cutoff * height * pixelSizeNm), height / 2);
        Pupil = new PupilLayout(this);
    }

    public int Width { get; }

    public int Height { get; }

    public double PixelSizeNm { get; }

    public double WavelengthNm { get; }

    public double MediumIndex { get; }

    public double NumericalAperture { get; }

    /// <summary>NA/λ in cycles/nm.</summary>
    public double CutoffFrequencyPerNm => NumericalAperture / WavelengthNm;

    /// <summary>Largest |kx| (in bins) of a column the pupil reaches; columns beyond are zero after <see cref="ApplyPupil"/>.</summary>
    public int PupilRadiusX { get; }

    /// <summary>Largest |ky| (in bins) of a row the pupil reaches.</summary>
    public int PupilRadiusY { get; }

    /// <summary>Where the pupil lies on the grid, for spectra held on the pupil only (<see cref="PupilSpectrum"/>).</summary>
    public PupilLayout Pupil { get; }

    /// <summary>One shared instance per (grid, pixel, λ, n, NA); the cache is emptied when it grows past 64 entries.</summary>
    public static AngularSpectrum For(int width, int height, double pixelSizeNm, double wavelengthNm, double mediumIndex, double numericalAperture)
    {
        var key = (width, height, pixelSizeNm, wavelengthNm, mediumIndex, numericalAperture);
        if (Cache.TryGetValue(key, out var found))
        {
            return found;
        }

        var built = new AngularSpectrum(width, height, pixelSizeNm, wavelengthNm, mediumIndex, numericalAperture);
        if (Cache.Count >= CacheCapacity)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(key, built);
    }

    /// <summary>Signed FFT-order bin of column <paramref name="col"/>.</summary>
    public int BinX(int col) => col < (Width + 1) / 2 ? col : col - Width;

    public int BinY(int row) => row < (Height + 1) / 2 ? row : row - Height;

    public double FrequencyX(int col) => BinX(col) / (Width * PixelSizeNm);

    public double FrequencyY(int row) => BinY(row) / (Height * PixelSizeNm);

    /// <summary>√((n/λ)² − |f|²) − n/λ (cycles/nm) of a bin; NaN where the component is evanescent.</summary>
    public double RelativeAxialFrequency(int index) => _axial[index];

    /// <summary>Pupil amplitude √cos θ of a bin inside the NA, else 0.</summary>
    public double PupilAmplitude(int index) => _pupil[index];

    /// <summary>Propagates a real-space field (row-major, Width × Height) by z nm in place.</summary>
    public void Propagate(Span<Complex> field, double zNm)
    {
        Fft2D.Forward(field, Height, Width);
        PropagateSpectrum(field, zNm, relativeToPlaneWave: false);
        Fft2D.Inverse(field, Height, Width);
    }

    /// <summary>
    /// Multiplies a spectrum by the transfer function of z nm and zeroes evanescent bins. Relative to the plane
    /// wave, the common phase exp(i·2π·z·n/λ) is left out, so a uniform field stays unchanged.
    /// </summary>
    public void PropagateSpectrum(Span<Complex> spectrum, double zNm, bool relativeToPlaneWave)
    {
        RequireGrid(spectrum.Length);
        if (!double.IsFinite(zNm))
        {
            throw new ArgumentOutOfRangeException(nameof(zNm), zNm, "The distance must be finite.");
        }

        double k = relativeToPlaneWave ? 0 : MediumIndex / WavelengthNm;
        double turn = 2 * Math.PI * zNm;
        for (int i = 0; i < spectrum.Length; i++)
        {
            double w = _axial[i];
            if (double.IsNaN(w))
            {
                spectrum[i] = Complex.Zero;
                continue;
            }

            (double sin, double cos) = Math.SinCos(turn * (w + k));
            Complex v = spectrum[i];
            spectrum[i] = new Complex((v.Real * cos) - (v.Imaginary * sin), (v.Real * sin) + (v.Imaginary * cos));
        }
    }

    /// <summary>Multiplies a spectrum by the objective's pupil: √cos θ inside the NA, 0 outside.</summary>
    public void ApplyPupil(Span<Complex> spectrum)
    {
        RequireGrid(spectrum.Length);
        for (int i = 0; i < spectrum.Length; i++)
        {
            spectrum[i] *= _pupil[i];
        }
    }

    private void RequireGrid(int length)
    {
        if (length != Width * Height)
        {
            throw new ArgumentException($"Expected {Width}×{Height} samples, got {length}.");
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive and finite.");
        }
    }
}
