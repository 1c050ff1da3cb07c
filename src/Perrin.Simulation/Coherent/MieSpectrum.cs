using System.Numerics;
using Perrin.Simulation.Scatterers.Mie;

namespace Perrin.Simulation.Coherent;

/// <summary>
/// The scattered field of one Mie sphere as the objective images it, tabulated on an <see cref="AngularSpectrum"/>
/// grid inside the NA: the angular spectrum Ã(f)·Δfx·Δfy of <see cref="MiePupilField.FillPupil"/> times the pupil's
/// √cos θ. <see cref="Add"/> places the sphere: a lateral shift r₀ multiplies each bin by exp(−2πi f·r₀) (shift
/// theorem, so sub-pixel positions are exact), and a sphere z nm upstream of the focal plane (z &gt; 0, away from
/// the objective; the light travels towards the objective) multiplies it by exp(2πi·z·(√((n/λ)² − f²) − n/λ)),
/// the propagation from the sphere's plane to the focal plane relative to the incident wave. With that sign, a
/// sphere of higher index than the medium acts as a weak converging lens: beyond the focal plane (z &gt; 0) its
/// hologram has a bright centre, before it (z &lt; 0) a dark one. Immutable; the Mie series is summed once.
/// </summary>
public sealed class MieSpectrum
{
    private const int MaxStackRadius = 256;
    private readonly int[] _index;
    private readonly int[] _binX;
    private readonly int[] _binY;
    private readonly Complex[] _value;
    private readonly double[] _axial;

    public MieSpectrum(MiePupilField field, AngularSpectrum grid)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(grid);
        if (field.Sphere.WavelengthNm != grid.WavelengthNm || field.Sphere.MediumIndex != grid.MediumIndex || field.NumericalAperture != grid.NumericalAperture)
        {
            throw new ArgumentException("The Mie field and the grid must share the wavelength, medium index and NA.", nameof(field));
        }

        Grid = grid;
        var pupil = new Complex[grid.Width * grid.Height];
        field.FillPupil(pupil, grid.Width, grid.Height, grid.PixelSizeNm);
        var index = new List<int>();
        for (int i = 0; i < pupil.Length; i++)
        {
            if (grid.PupilAmplitude(i) > 0 && pupil[i] != Complex.Zero)
            {
                index.Add(i);
            }
        }

        _index = [.. index];
        _binX = new int[_index.Length];
        _binY = new int[_index.Length];
        _value = new Complex[_index.Length];
        _axial = new double[_index.Length];
        for (int e = 0; e < _index.Length; e++)
        {
            int i = _index[e];
            _binX[e] = grid.BinX(i % grid.Width);
            _binY[e] = grid.BinY(i / grid.Width);
            _value[e] = pupil[i] * grid.PupilAmplitude(i);
            _axial[e] = grid.RelativeAxialFrequency(i);
        }
    }

    public AngularSpectrum Grid { get; }

    /// <summary>Bins the sphere's imaged spectrum occupies.</summary>
    public int Count => _index.Length;

    /// <summary>
    /// Adds the imaged scattered field of the sphere at (x, y) nm on the grid (pixel centres at col·p, row·p) and
    /// z nm from the focal plane to a spectrum whose un-normalized inverse DFT is the field relative to the
    /// incident wave.
    /// </summary>
    public void Add(Span<Complex> spectrum, double xNm, double yNm, double zNm)
    {
        if (spectrum.Length != Grid.Width * Grid.Height)
        {
            throw new ArgumentException($"Expected {Grid.Width}×{Grid.Height} samples, got {spectrum.Length}.", nameof(spectrum));
        }

        int rx = Grid.PupilRadiusX;
        int ry = Grid.PupilRadiusY;
        Span<Complex> shiftX = rx <= MaxStackRadius ? stackalloc Complex[(2 * rx) + 1] : new Complex[(2 * rx) + 1];
        Span<Complex> shiftY = ry <= MaxStackRadius ? stackalloc Complex[(2 * ry) + 1] : new Complex[(2 * ry) + 1];
        Ramp(shiftX, rx, -2 * Math.PI * xNm / (Grid.Width * Grid.PixelSizeNm));
        Ramp(shiftY, ry, -2 * Math.PI * yNm / (Grid.Height * Grid.PixelSizeNm));
        double turn = 2 * Math.PI * zNm;
        for (int e = 0; e < _index.Length; e++)
        {
            (double sin, double cos) = Math.SinCos(turn * _axial[e]);
            Complex shift = shiftX[_binX[e] + rx] * shiftY[_binY[e] + ry];
            Complex v = _value[e] * shift;
            spectrum[_index[e]] += new Complex((v.Real * cos) - (v.Imaginary * sin), (v.Real * sin) + (v.Imaginary * cos));
        }
    }

    private static void Ramp(Span<Complex> ramp, int radius, double radiansPerBin)
    {
        for (int b = -radius; b <= radius; b++)
        {
            (double sin, double cos) = Math.SinCos(radiansPerBin * b);
            ramp[b + radius] = new Complex(cos, sin);
        }
    }
}
