using System.Numerics;

namespace Perrin.Simulation.Optics;

/// <summary>
/// Scalar pupil-function PSF. The pupil (radius NA/λ, with apodization, Zernike aberrations, phase mask and the
/// defocus phase of depth z) is transformed to the field E and the intensity |E|², normalized to 1 over the
/// computation grid, which repeats every <see cref="PeriodPixels"/> pixels. Pixel integration is exact: the
/// optical transfer function is multiplied by sinc(fx·p)·sinc(fy·p), the transform of the pixel square, and the
/// result is evaluated at the pixel centres relative to the point (a phase ramp, so sub-pixel shifts are exact).
/// Each call renders the full period around the point (two FFTs of <see cref="GridSize"/>² and one of
/// period²), so a point in the middle of a field at least one period wide sums to exactly its weight;
/// use <see cref="PsfTable"/> to render many points.
/// </summary>
public sealed class PupilPsf : IPsf, ICoherentPsf, IPatchSource, IEquatable<PupilPsf>
{
    private readonly PupilSampling _sampling;
    private PupilSpectrum? _lastIntensity;
    private PupilSpectrum? _lastField;

    public PupilPsf(PupilModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _sampling = new PupilSampling(model);
    }

    public PupilModel Model { get; }

    /// <summary>Side of the square, in pixels, over which the computed PSF repeats.</summary>
    public int PeriodPixels => _sampling.Period;

    /// <summary>Side of the FFT grid on which the field is computed.</summary>
    public int GridSize => _sampling.GridSize;

    public void AddPoint(Span<float> image, int width, int height, double x, double y, double z, double weight)
    {
        ImageWindow.RequireImage(image.Length, width, height);
        RequireFinite(z);
        (long cx, long cy, ImageWindow window) = Place(x, y, width, height);
        if (window.IsEmpty)
        {
            return;
        }

        Complex[] period = IntensityAt(z).RenderPeriod(x - cx, y - cy);
        int m = PeriodPixels;
        for (int row = window.FirstRow; row < window.EndRow; row++)
        {
            int periodRow = PupilSampling.Wrap((int)(row - cy), m) * m;
            Span<float> line = image.Slice(row * width, width);
            for (int column = window.FirstColumn; column < window.EndColumn; column++)
            {
                line[column] += (float)(weight * period[periodRow + PupilSampling.Wrap((int)(column - cx), m)].Real);
            }
        }
    }

    /// <summary>
    /// Adds amplitude × the pixel-averaged field (see <see cref="ICoherentPsf"/>). Its phase includes the
    /// propagation phase 2π·n·z·cos θ/λ of each pupil component, relative to a point in the focal plane.
    /// </summary>
    public void AddPointField(Span<Complex> field, int width, int height, double x, double y, double z, Complex amplitude)
    {
        ImageWindow.RequireImage(field.Length, width, height);
        RequireFinite(z);
        (long cx, long cy, ImageWindow window) = Place(x, y, width, height);
        if (window.IsEmpty)
        {
            return;
        }

        PupilSpectrum spectrum = _lastField is { } last && last.Z.Equals(z) ? last : PupilSpectrum.Field(_sampling, z);
        _lastField = spectrum;
        Complex[] period = spectrum.RenderPeriod(x - cx, y - cy);
        int m = PeriodPixels;
        for (int row = window.FirstRow; row < window.EndRow; row++)
        {
            int periodRow = PupilSampling.Wrap((int)(row - cy), m) * m;
            Span<Complex> line = field.Slice(row * width, width);
            for (int column = window.FirstColumn; column < window.EndColumn; column++)
            {
                line[column] += amplitude * period[periodRow + PupilSampling.Wrap((int)(column - cx), m)];
            }
        }
    }

    int IPatchSource.MaxPatchSize => PeriodPixels - 1;

    void IPatchSource.RenderPatchGrid(double z, int patch, int offsetsPerPixel, Span<float> destination)
    {
        IntensityAt(z).RenderPatches(patch, offsetsPerPixel, destination);
    }

    /// <summary>
    /// Fills field patches for <see cref="CoherentPsfTable"/>, with the mean propagation phase (see
    /// <see cref="ReferencePhase"/>) taken out so that what is left varies slowly with z and interpolates well.
    /// </summary>
    internal void RenderFieldPatchGrid(double z, int patch, int offsetsPerPixel, Span<float> real, Span<float> imaginary)
    {
        PupilSpectrum spectrum = PupilSpectrum.Field(_sampling, z);
        spectrum.RenderFieldPatches(patch, offsetsPerPixel, Complex.FromPolarCoordinates(1, -ReferencePhase(z)), real, imaginary);
    }

    /// <summary>z·⟨2π·n·cos θ/λ⟩: the propagation phase averaged over the pupil's power.</summary>
    internal double ReferencePhase(double z) => _sampling.MeanAxialWavenumber * z;

    public bool Equals(PupilPsf? other) => other is not null && Model.Equals(other.Model);

    public override bool Equals(object? obj) => Equals(obj as PupilPsf);

    public override int GetHashCode() => Model.GetHashCode();

    private static void RequireFinite(double z)
    {
        if (!double.IsFinite(z))
        {
            throw new ArgumentException($"The depth z must be finite, got {z}.", nameof(z));
        }
    }

    // The most recent spectrum is kept because callers often render many points at one depth; the field is a
    // reference to an immutable object, so concurrent callers at worst recompute it.
    private PupilSpectrum IntensityAt(double z)
    {
        PupilSpectrum spectrum = _lastIntensity is { } last && last.Z.Equals(z) ? last : PupilSpectrum.Intensity(_sampling, z);
        _lastIntensity = spectrum;
        return spectrum;
    }

    // One period of pixels centred on the nearest pixel: columns cx − M/2 … cx + M/2 − 1.
    private (long Cx, long Cy, ImageWindow Window) Place(double x, double y, int width, int height)
    {
        long cx = ImageWindow.Nearest(x);
        long cy = ImageWindow.Nearest(y);
        int half = PeriodPixels / 2;
        return (cx, cy, ImageWindow.Clip(cx - half, cy - half, PeriodPixels, width, height));
    }
}
