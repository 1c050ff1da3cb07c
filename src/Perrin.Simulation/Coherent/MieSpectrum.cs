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

    // The same bins on the grid's pupil table, in single precision: table row, column and index, and which of the
    // distinct axial frequencies each has (bins at the same |f| share one z phase, so a z costs one sine per |f|).
    private readonly int[] _tableRow;
    private readonly int[] _tableColumn;
    private readonly int[] _tableIndex;
    private readonly float[] _valueRe;
    private readonly float[] _valueIm;
    private readonly int[] _phaseOf;
    private readonly double[] _distinctAxial;

    // The bins with kx, ky ≥ 0 on the layout's quarter table, weighted by the number of mirror images each stands
    // for, when the spectrum is even in kx and in ky (see IsMirrorSymmetric).
    private readonly int[] _quarterIndex = [];
    private readonly float[] _quarterRe = [];
    private readonly float[] _quarterIm = [];
    private readonly int[] _quarterPhaseOf = [];

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

        var layout = grid.Pupil;
        _tableRow = new int[_index.Length];
        _tableColumn = new int[_index.Length];
        _tableIndex = new int[_index.Length];
        _valueRe = new float[_index.Length];
        _valueIm = new float[_index.Length];
        _phaseOf = new int[_index.Length];
        var distinct = new Dictionary<double, int>();
        for (int e = 0; e < _index.Length; e++)
        {
            int t = layout.IndexOf(_index[e] / grid.Width, _index[e] % grid.Width);
            (_tableRow[e], _tableColumn[e]) = Math.DivRem(t, layout.Columns);
            _tableIndex[e] = t;
            _valueRe[e] = (float)_value[e].Real;
            _valueIm[e] = (float)_value[e].Imaginary;
            if (!distinct.TryGetValue(_axial[e], out int group))
            {
                group = distinct.Count;
                distinct.Add(_axial[e], group);
            }

            _phaseOf[e] = group;
        }

        _distinctAxial = new double[distinct.Count];
        foreach (var (axial, group) in distinct)
        {
            _distinctAxial[group] = axial;
        }

        IsMirrorSymmetric = layout.IsMirrorSymmetric && IsEven();
        if (IsMirrorSymmetric)
        {
            var quarter = Enumerable.Range(0, _index.Length).Where(e => _binX[e] >= 0 && _binY[e] >= 0).ToArray();
            _quarterIndex = [.. quarter.Select(e => (_binY[e] * layout.QuarterColumns) + _binX[e])];
            _quarterRe = [.. quarter.Select(e => (float)(Mirrors(e) * _value[e].Real))];
            _quarterIm = [.. quarter.Select(e => (float)(Mirrors(e) * _value[e].Imaginary))];
            _quarterPhaseOf = [.. quarter.Select(e => _phaseOf[e])];
        }
    }

    public AngularSpectrum Grid { get; }

    /// <summary>
    /// Whether the imaged spectrum is even in kx and in ky on a grid that holds every bin's mirror images (true for
    /// a sphere under circular or linear x/y polarization unless the pupil reaches the Nyquist bin): the centred
    /// sphere's field is then a sum of cosines, which <see cref="WindowSynthesis.AddMirrorSymmetric"/> synthesizes
    /// in about a quarter of the general work.
    /// </summary>
    public bool IsMirrorSymmetric { get; }

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

    /// <summary>
    /// <see cref="Add(Span{Complex}, double, double, double)"/> on a pupil table, in single precision: the same
    /// field to about 1e-6 of its largest bin.
    /// </summary>
    public void Add(PupilSpectrum spectrum, double xNm, double yNm, double zNm)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        var layout = spectrum.Layout;
        if (layout != Grid.Pupil)
        {
            throw new ArgumentException("The spectrum must lie on this sphere's grid.", nameof(spectrum));
        }

        int rows = layout.Rows;
        int columns = layout.Columns;
        int phases = _distinctAxial.Length;
        int needed = 2 * (rows + columns + phases);
        Span<float> scratch = needed <= 4096 ? stackalloc float[needed] : new float[needed];
        Span<float> xRe = scratch[..columns];
        Span<float> xIm = scratch.Slice(columns, columns);
        Span<float> yRe = scratch.Slice(2 * columns, rows);
        Span<float> yIm = scratch.Slice((2 * columns) + rows, rows);
        Span<float> zRe = scratch.Slice(2 * (columns + rows), phases);
        Span<float> zIm = scratch.Slice((2 * (columns + rows)) + phases, phases);
        for (int k = 0; k < columns; k++)
        {
            (xIm[k], xRe[k]) = SinCos(-2 * Math.PI * Grid.BinX(layout.GridColumn(k)) * xNm / (Grid.Width * Grid.PixelSizeNm));
        }

        for (int b = 0; b < rows; b++)
        {
            (yIm[b], yRe[b]) = SinCos(-2 * Math.PI * Grid.BinY(layout.GridRow(b)) * yNm / (Grid.Height * Grid.PixelSizeNm));
        }

        double turn = 2 * Math.PI * zNm;
        for (int g = 0; g < phases; g++)
        {
            (zIm[g], zRe[g]) = SinCos(turn * _distinctAxial[g]);
        }

        float[] re = spectrum.Real;
        float[] im = spectrum.Imaginary;
        for (int e = 0; e < _tableIndex.Length; e++)
        {
            int b = _tableRow[e];
            int k = _tableColumn[e];
            int g = _phaseOf[e];
            float sRe = (xRe[k] * yRe[b]) - (xIm[k] * yIm[b]);
            float sIm = (xRe[k] * yIm[b]) + (xIm[k] * yRe[b]);
            float pRe = (sRe * zRe[g]) - (sIm * zIm[g]);
            float pIm = (sRe * zIm[g]) + (sIm * zRe[g]);
            int i = _tableIndex[e];
            re[i] += (_valueRe[e] * pRe) - (_valueIm[e] * pIm);
            im[i] += (_valueRe[e] * pIm) + (_valueIm[e] * pRe);
        }
    }

    /// <summary>
    /// Writes the quarter table (<see cref="PupilLayout.QuarterRows"/> × <see cref="PupilLayout.QuarterColumns"/>,
    /// row-major, zero outside the NA) of the sphere centred on the grid origin and z nm from the focal plane, each
    /// bin weighted by the number of its mirror images (1, 2 or 4), in single precision. Only for a
    /// <see cref="IsMirrorSymmetric"/> spectrum.
    /// </summary>
    public void Centred(double zNm, Span<float> real, Span<float> imaginary)
    {
        var layout = Grid.Pupil;
        int area = layout.QuarterRows * layout.QuarterColumns;
        if (!IsMirrorSymmetric || real.Length < area || imaginary.Length < area)
        {
            throw new InvalidOperationException("Only a mirror-symmetric spectrum has a quarter table, and the buffers must hold it.");
        }

        int phases = _distinctAxial.Length;
        Span<float> z = phases <= 2048 ? stackalloc float[2 * phases] : new float[2 * phases];
        double turn = 2 * Math.PI * zNm;
        for (int g = 0; g < phases; g++)
        {
            (z[phases + g], z[g]) = SinCos(turn * _distinctAxial[g]);
        }

        real[..area].Clear();
        imaginary[..area].Clear();
        for (int e = 0; e < _quarterIndex.Length; e++)
        {
            int g = _quarterPhaseOf[e];
            float cos = z[g];
            float sin = z[phases + g];
            int i = _quarterIndex[e];
            real[i] = (_quarterRe[e] * cos) - (_quarterIm[e] * sin);
            imaginary[i] = (_quarterRe[e] * sin) + (_quarterIm[e] * cos);
        }
    }

    private static (float Sin, float Cos) SinCos(double radians)
    {
        (double sin, double cos) = Math.SinCos(radians);
        return ((float)sin, (float)cos);
    }

    private static int Mirrors(int binX, int binY) => (binX == 0 ? 1 : 2) * (binY == 0 ? 1 : 2);

    private int Mirrors(int e) => Mirrors(_binX[e], _binY[e]);

    private bool IsEven()
    {
        var at = new Dictionary<(int, int), Complex>(_index.Length);
        double largest = 0;
        for (int e = 0; e < _index.Length; e++)
        {
            at[(_binX[e], _binY[e])] = _value[e];
            largest = Math.Max(largest, _value[e].Magnitude);
        }

        // Mirror images computed by the same formulas agree to rounding; 1e-9 of the largest bin is far below
        // single precision.
        foreach (var ((x, y), v) in at)
        {
            foreach (var mirror in (ReadOnlySpan<(int, int)>)[(-x, y), (x, -y), (-x, -y)])
            {
                if (!at.TryGetValue(mirror, out var w) || (w - v).Magnitude > 1e-9 * largest)
                {
                    return false;
                }
            }
        }

        return true;
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
