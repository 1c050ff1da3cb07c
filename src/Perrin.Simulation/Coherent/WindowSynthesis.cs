using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Perrin.Simulation.Coherent;

/// <summary>
/// The intensity |Σ S[k] e^{+2πi k·n/N}|² of a spectrum held on the pupil (<see cref="PupilSpectrum"/>) on a window
/// of the grid, as two dense complex products with tabulated exponentials in single precision: first each pupil
/// row's run inside the NA against the window's columns (about πR² × W multiply-adds for a pupil of radius R),
/// then the window's rows against those ((2R + 1) × W × H). Products are register-blocked over
/// <see cref="Block"/> columns in SIMD lanes with fused multiply-adds; the tables' rows are padded to whole
/// blocks with zeros. For a pupil much smaller than the grid this is less work than the FFT path's
/// (2R + 1 + W) transforms of N points (<see cref="BandLimitedSynthesis"/>); <see cref="IsCheaperThanFft"/> tells
/// which is. Immutable apart from the per-thread scratch; safe to share between threads.
/// </summary>
public sealed class WindowSynthesis
{
    private const int Lanes = 8;
    private const int Block = 4 * Lanes;

    [ThreadStatic]
    private static float[]? _scratch;

    private readonly PupilLayout _layout;
    private readonly int _stride;

    // Column exponentials e^{2πi kx (left + c)/N}, one padded row of `_stride` per pupil table column; row
    // exponentials e^{2πi ky (top + r)/M}, one row of the pupil table's height per window row.
    private readonly float[] _columnRe;
    private readonly float[] _columnIm;
    private readonly float[] _rowRe;
    private readonly float[] _rowIm;

    // cos and sin of 2π ky (top + r)/M for ky = 0 … PupilRadiusY, one row of Height per ky.
    private readonly float[] _mirrorRowCos;
    private readonly float[] _mirrorRowSin;

    public WindowSynthesis(AngularSpectrum grid, int left, int top, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (left < 0 || top < 0 || width < 1 || height < 1 || left + width > grid.Width || top + height > grid.Height)
        {
            throw new ArgumentException($"The window {width}×{height} at ({left}, {top}) must lie on the {grid.Width}×{grid.Height} grid.", nameof(grid));
        }

        Grid = grid;
        Left = left;
        Top = top;
        Width = width;
        Height = height;
        _layout = grid.Pupil;
        _stride = StrideFor(width);
        _columnRe = new float[_layout.Columns * _stride];
        _columnIm = new float[_columnRe.Length];
        for (int k = 0; k < _layout.Columns; k++)
        {
            for (int c = 0; c < width; c++)
            {
                (_columnIm[(k * _stride) + c], _columnRe[(k * _stride) + c]) = Exponential(grid.BinX(_layout.GridColumn(k)), left + c, grid.Width);
            }
        }

        _rowRe = new float[height * _layout.Rows];
        _rowIm = new float[_rowRe.Length];
        for (int r = 0; r < height; r++)
        {
            for (int b = 0; b < _layout.Rows; b++)
            {
                (_rowIm[(r * _layout.Rows) + b], _rowRe[(r * _layout.Rows) + b]) = Exponential(grid.BinY(_layout.GridRow(b)), top + r, grid.Height);
            }
        }

        _mirrorRowCos = new float[_layout.QuarterRows * height];
        _mirrorRowSin = new float[_mirrorRowCos.Length];
        for (int ky = 0; ky < _layout.QuarterRows; ky++)
        {
            for (int r = 0; r < height; r++)
            {
                (_mirrorRowSin[(ky * height) + r], _mirrorRowCos[(ky * height) + r]) = Exponential(ky, top + r, grid.Height);
            }
        }
    }

    public AngularSpectrum Grid { get; }

    public int Left { get; }

    public int Top { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Whether the dense products take fewer operations than the pruned FFTs for this grid and window.</summary>
    public static bool IsCheaperThanFft(AngularSpectrum grid, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(grid);
        double rows = BandLimitedSynthesis.BandRows(grid);
        double columns = Math.Min((2 * grid.PupilRadiusX) + 1, grid.Width);
        // Weighed by measurement at 192² with a 49-bin pupil and a 128² window: a complex multiply-add in SIMD
        // lanes costs about a sixth of an FFT's work per point and level.
        double dense = rows * width * (columns + height) / 6.0;
        double fft = (rows + width) * grid.Width * Math.Log2(grid.Width);
        return dense < fft;
    }

    /// <summary>
    /// Whether synthesizing <paramref name="spheres"/> mirror-symmetric spheres one by one
    /// (<see cref="AddMirrorSymmetric"/>: about 2·(R + 1) real multiply-adds per pixel each) is less work than
    /// adding them to the pupil table and synthesizing it once (<see cref="AddField"/>: about 4·(2R + 1)).
    /// </summary>
    public bool IsMirrorCheaper(int spheres) =>
        _layout.IsMirrorSymmetric && spheres * 2 * _layout.QuarterRows < 4 * _layout.Rows;

    /// <summary>Floats per row of a field buffer: the width rounded up to whole blocks.</summary>
    public int Stride => _stride;

    /// <summary>The <see cref="Stride"/> of a window <paramref name="width"/> pixels wide.</summary>
    public static int StrideFor(int width) => (width + Block - 1) / Block * Block;

    /// <summary>Floats of each of a field's two buffers (real and imaginary parts): <see cref="Stride"/> × Height.</summary>
    public int FieldLength => _stride * Height;

    /// <summary>Adds the field of a pupil spectrum on the window to a field (real and imaginary buffers, <see cref="Stride"/> floats per row).</summary>
    public void AddField(PupilSpectrum spectrum, Span<float> real, Span<float> imaginary)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        if (spectrum.Layout != _layout)
        {
            throw new ArgumentException("The spectrum must lie on the grid's pupil.", nameof(spectrum));
        }

        RequireField(real, imaginary);
        int rows = _layout.Rows;
        int columns = _layout.Columns;
        int stride = _stride;
        Span<float> scratch = Scratch(2 * rows * stride);
        Span<float> bandRe = scratch[..(rows * stride)];
        Span<float> bandIm = scratch.Slice(rows * stride, rows * stride);
        scratch.Clear();
        for (int b = 0; b < rows; b++)
        {
            int start = _layout.Start(b);
            int count = _layout.End(b) - start;
            int at = (b * columns) + start;
            Product(
                spectrum.Real.AsSpan(at, count), spectrum.Imaginary.AsSpan(at, count),
                _columnRe.AsSpan(start * stride), _columnIm.AsSpan(start * stride), stride,
                bandRe.Slice(b * stride, stride), bandIm.Slice(b * stride, stride));
        }

        for (int r = 0; r < Height; r++)
        {
            Product(_rowRe.AsSpan(r * rows, rows), _rowIm.AsSpan(r * rows, rows), bandRe, bandIm, stride, real.Slice(r * stride, stride), imaginary.Slice(r * stride, stride));
        }
    }

    /// <summary>
    /// Adds the field of a mirror-symmetric spectrum centred on the grid origin and moved to (x, y) grid pixels
    /// (<see cref="MieSpectrum.Centred"/> gives its weighted quarter table), by the shift theorem: with the
    /// spectrum even in kx and ky, the field at a window pixel is Σ D[ky, kx]·cos(2π kx u/N)·cos(2π ky v/M), with
    /// (u, v) the pixel's offset from (x, y), so both products have real factors.
    /// </summary>
    public void AddMirrorSymmetric(ReadOnlySpan<float> quarterRe, ReadOnlySpan<float> quarterIm, double x, double y, Span<float> real, Span<float> imaginary)
    {
        int qRows = _layout.QuarterRows;
        int qColumns = _layout.QuarterColumns;
        if (!_layout.IsMirrorSymmetric || quarterRe.Length < qRows * qColumns || quarterIm.Length < qRows * qColumns)
        {
            throw new ArgumentException("The pupil must be mirror-symmetric and the quarter table cover it.", nameof(quarterRe));
        }

        RequireField(real, imaginary);
        int stride = _stride;
        int h = Height;
        Span<float> scratch = Scratch((qColumns * stride) + (qRows * h) + (2 * qRows * stride));
        Span<float> cosX = scratch[..(qColumns * stride)];
        Span<float> cosY = scratch.Slice(qColumns * stride, qRows * h);
        Span<float> bandRe = scratch.Slice((qColumns * stride) + (qRows * h), qRows * stride);
        Span<float> bandIm = scratch.Slice((qColumns * stride) + (qRows * h) + (qRows * stride), qRows * stride);

        // cos(A − B) = cos A·cos B + sin A·sin B, with A on the tabulated exponentials and B the shift's phase.
        for (int kx = 0; kx < qColumns; kx++)
        {
            int k = kx + Grid.PupilRadiusX;
            (double sin, double cos) = Math.SinCos(2 * Math.PI * kx * x / Grid.Width);
            CosineOfDifference(_columnRe.AsSpan(k * stride, stride), _columnIm.AsSpan(k * stride, stride), (float)cos, (float)sin, cosX.Slice(kx * stride, stride));
        }

        for (int ky = 0; ky < qRows; ky++)
        {
            (double sin, double cos) = Math.SinCos(2 * Math.PI * ky * y / Grid.Height);
            CosineOfDifference(_mirrorRowCos.AsSpan(ky * h, h), _mirrorRowSin.AsSpan(ky * h, h), (float)cos, (float)sin, cosY.Slice(ky * h, h));
        }

        bandRe.Clear();
        bandIm.Clear();
        for (int ky = 0; ky < qRows; ky++)
        {
            int count = _layout.QuarterEnd(ky);
            ComplexTimesReal(
                quarterRe.Slice(ky * qColumns, count), quarterIm.Slice(ky * qColumns, count), cosX, stride,
                bandRe.Slice(ky * stride, stride), bandIm.Slice(ky * stride, stride));
        }

        int r = 0;
        for (; r + 1 < h; r += 2)
        {
            RealTimesComplexTwoRows(cosY, r, h, qRows, bandRe, bandIm, stride, real.Slice(r * stride, 2 * stride), imaginary.Slice(r * stride, 2 * stride));
        }

        if (r < h)
        {
            RealTimesComplex(cosY, r, h, qRows, bandRe, bandIm, stride, real.Slice(r * stride, stride), imaginary.Slice(r * stride, stride));
        }
    }

    /// <summary>
    /// Writes scale·|unscattered + field|² + offset for every window pixel (row-major, Width × Height): the
    /// unscattered plane wave is 1 in brightfield and 0 in darkfield.
    /// </summary>
    public void Intensity(ReadOnlySpan<float> real, ReadOnlySpan<float> imaginary, float unscattered, Span<float> intensity, float scale, float offset)
    {
        if (real.Length < FieldLength || imaginary.Length < FieldLength || intensity.Length < Width * Height)
        {
            throw new ArgumentException("The field must cover the window's rows and the intensity the window.", nameof(intensity));
        }

        var vScale = Vector256.Create(scale);
        var vOffset = Vector256.Create(offset);
        var vWave = Vector256.Create(unscattered);
        int whole = Width / Lanes * Lanes;
        for (int r = 0; r < Height; r++)
        {
            ReadOnlySpan<float> lineRe = real.Slice(r * _stride, Width);
            ReadOnlySpan<float> lineIm = imaginary.Slice(r * _stride, Width);
            Span<float> output = intensity.Slice(r * Width, Width);
            int c = 0;
            for (; c < whole; c += Lanes)
            {
                var re = Vector256.Create<float>(lineRe.Slice(c, Lanes)) + vWave;
                var im = Vector256.Create<float>(lineIm.Slice(c, Lanes));
                Vector256.FusedMultiplyAdd(vScale, Vector256.FusedMultiplyAdd(re, re, im * im), vOffset).CopyTo(output.Slice(c, Lanes));
            }

            for (; c < Width; c++)
            {
                float re = lineRe[c] + unscattered;
                output[c] = (scale * ((re * re) + (lineIm[c] * lineIm[c]))) + offset;
            }
        }
    }

    private static Span<float> Scratch(int length)
    {
        if (_scratch is null || _scratch.Length < length)
        {
            _scratch = new float[length];
        }

        return _scratch.AsSpan(0, length);
    }

    private void RequireField(Span<float> real, Span<float> imaginary)
    {
        if (real.Length < FieldLength || imaginary.Length < FieldLength)
        {
            throw new ArgumentException($"The field buffers must hold {Stride} × {Height} floats.", nameof(real));
        }
    }

    /// <summary>target[i] = cosA[i]·cosB + sinA[i]·sinB.</summary>
    private static void CosineOfDifference(ReadOnlySpan<float> cosA, ReadOnlySpan<float> sinA, float cosB, float sinB, Span<float> target)
    {
        int n = target.Length;
        int i = 0;
        var vc = Vector256.Create(cosB);
        var vs = Vector256.Create(sinB);
        for (; i + Lanes <= n; i += Lanes)
        {
            Vector256.FusedMultiplyAdd(Vector256.Create<float>(cosA.Slice(i, Lanes)), vc, Vector256.Create<float>(sinA.Slice(i, Lanes)) * vs).CopyTo(target.Slice(i, Lanes));
        }

        for (; i < n; i++)
        {
            target[i] = (cosA[i] * cosB) + (sinA[i] * sinB);
        }
    }

    /// <summary>out[c] += Σ_j a[j]·t[j, c] with complex a and real t (row j at j·stride), summed in registers per block.</summary>
    private static void ComplexTimesReal(ReadOnlySpan<float> aRe, ReadOnlySpan<float> aIm, ReadOnlySpan<float> t, int stride, Span<float> outRe, Span<float> outIm)
    {
        int count = aRe.Length;
        if (aIm.Length != count || t.Length < count * stride || outRe.Length < stride || outIm.Length < stride || stride % Block != 0)
        {
            throw new ArgumentException("The table or the output is too short.", nameof(t));
        }

        ref float a = ref MemoryMarshal.GetReference(aRe);
        ref float ai = ref MemoryMarshal.GetReference(aIm);
        ref float x = ref MemoryMarshal.GetReference(t);
        ref float or = ref MemoryMarshal.GetReference(outRe);
        ref float oi = ref MemoryMarshal.GetReference(outIm);
        for (int c = 0; c < stride; c += Block)
        {
            nuint at = (nuint)c;
            var r0 = Vector256.LoadUnsafe(ref or, at);
            var r1 = Vector256.LoadUnsafe(ref or, at + Lanes);
            var r2 = Vector256.LoadUnsafe(ref or, at + (2 * Lanes));
            var r3 = Vector256.LoadUnsafe(ref or, at + (3 * Lanes));
            var i0 = Vector256.LoadUnsafe(ref oi, at);
            var i1 = Vector256.LoadUnsafe(ref oi, at + Lanes);
            var i2 = Vector256.LoadUnsafe(ref oi, at + (2 * Lanes));
            var i3 = Vector256.LoadUnsafe(ref oi, at + (3 * Lanes));
            nuint row = at;
            for (int j = 0; j < count; j++, row += (nuint)stride)
            {
                var cr = Vector256.Create(Unsafe.Add(ref a, j));
                var ci = Vector256.Create(Unsafe.Add(ref ai, j));
                var x0 = Vector256.LoadUnsafe(ref x, row);
                var x1 = Vector256.LoadUnsafe(ref x, row + Lanes);
                var x2 = Vector256.LoadUnsafe(ref x, row + (2 * Lanes));
                var x3 = Vector256.LoadUnsafe(ref x, row + (3 * Lanes));
                r0 = Vector256.FusedMultiplyAdd(cr, x0, r0);
                i0 = Vector256.FusedMultiplyAdd(ci, x0, i0);
                r1 = Vector256.FusedMultiplyAdd(cr, x1, r1);
                i1 = Vector256.FusedMultiplyAdd(ci, x1, i1);
                r2 = Vector256.FusedMultiplyAdd(cr, x2, r2);
                i2 = Vector256.FusedMultiplyAdd(ci, x2, i2);
                r3 = Vector256.FusedMultiplyAdd(cr, x3, r3);
                i3 = Vector256.FusedMultiplyAdd(ci, x3, i3);
            }

            r0.StoreUnsafe(ref or, at);
            r1.StoreUnsafe(ref or, at + Lanes);
            r2.StoreUnsafe(ref or, at + (2 * Lanes));
            r3.StoreUnsafe(ref or, at + (3 * Lanes));
            i0.StoreUnsafe(ref oi, at);
            i1.StoreUnsafe(ref oi, at + Lanes);
            i2.StoreUnsafe(ref oi, at + (2 * Lanes));
            i3.StoreUnsafe(ref oi, at + (3 * Lanes));
        }
    }

    /// <summary>out[c] += Σ_j a[j·n + r]·t[j, c] with real a (column r of a j-major table) and complex t, summed in registers per block.</summary>
    private static void RealTimesComplex(
        ReadOnlySpan<float> a, int r, int n, int count, ReadOnlySpan<float> tRe, ReadOnlySpan<float> tIm, int stride, Span<float> outRe, Span<float> outIm)
    {
        if (r < 0 || r >= n || a.Length < count * n || tRe.Length < count * stride || tIm.Length < count * stride || outRe.Length < stride || outIm.Length < stride || stride % Block != 0)
        {
            throw new ArgumentException("The tables or the output are too short.", nameof(a));
        }

        ref float coefficient = ref Unsafe.Add(ref MemoryMarshal.GetReference(a), r);
        ref float xr = ref MemoryMarshal.GetReference(tRe);
        ref float xi = ref MemoryMarshal.GetReference(tIm);
        ref float or = ref MemoryMarshal.GetReference(outRe);
        ref float oi = ref MemoryMarshal.GetReference(outIm);
        for (int c = 0; c < stride; c += Block)
        {
            nuint at = (nuint)c;
            var r0 = Vector256.LoadUnsafe(ref or, at);
            var r1 = Vector256.LoadUnsafe(ref or, at + Lanes);
            var r2 = Vector256.LoadUnsafe(ref or, at + (2 * Lanes));
            var r3 = Vector256.LoadUnsafe(ref or, at + (3 * Lanes));
            var i0 = Vector256.LoadUnsafe(ref oi, at);
            var i1 = Vector256.LoadUnsafe(ref oi, at + Lanes);
            var i2 = Vector256.LoadUnsafe(ref oi, at + (2 * Lanes));
            var i3 = Vector256.LoadUnsafe(ref oi, at + (3 * Lanes));
            nuint row = at;
            for (int j = 0; j < count; j++, row += (nuint)stride)
            {
                var k = Vector256.Create(Unsafe.Add(ref coefficient, j * n));
                r0 = Vector256.FusedMultiplyAdd(k, Vector256.LoadUnsafe(ref xr, row), r0);
                r1 = Vector256.FusedMultiplyAdd(k, Vector256.LoadUnsafe(ref xr, row + Lanes), r1);
                r2 = Vector256.FusedMultiplyAdd(k, Vector256.LoadUnsafe(ref xr, row + (2 * Lanes)), r2);
                r3 = Vector256.FusedMultiplyAdd(k, Vector256.LoadUnsafe(ref xr, row + (3 * Lanes)), r3);
                i0 = Vector256.FusedMultiplyAdd(k, Vector256.LoadUnsafe(ref xi, row), i0);
                i1 = Vector256.FusedMultiplyAdd(k, Vector256.LoadUnsafe(ref xi, row + Lanes), i1);
                i2 = Vector256.FusedMultiplyAdd(k, Vector256.LoadUnsafe(ref xi, row + (2 * Lanes)), i2);
                i3 = Vector256.FusedMultiplyAdd(k, Vector256.LoadUnsafe(ref xi, row + (3 * Lanes)), i3);
            }

            r0.StoreUnsafe(ref or, at);
            r1.StoreUnsafe(ref or, at + Lanes);
            r2.StoreUnsafe(ref or, at + (2 * Lanes));
            r3.StoreUnsafe(ref or, at + (3 * Lanes));
            i0.StoreUnsafe(ref oi, at);
            i1.StoreUnsafe(ref oi, at + Lanes);
            i2.StoreUnsafe(ref oi, at + (2 * Lanes));
            i3.StoreUnsafe(ref oi, at + (3 * Lanes));
        }
    }

    /// <summary>
    /// <see cref="RealTimesComplex"/> for rows r and r + 1 at once (out holds both, one stride apart), so that each
    /// load of t serves two rows.
    /// </summary>
    private static void RealTimesComplexTwoRows(
        ReadOnlySpan<float> a, int r, int n, int count, ReadOnlySpan<float> tRe, ReadOnlySpan<float> tIm, int stride, Span<float> outRe, Span<float> outIm)
    {
        const int half = Block / 2;
        if (r < 0 || r + 1 >= n || a.Length < count * n || tRe.Length < count * stride || tIm.Length < count * stride || outRe.Length < 2 * stride || outIm.Length < 2 * stride || stride % Block != 0)
        {
            throw new ArgumentException("The tables or the output are too short.", nameof(a));
        }

        ref float coefficient = ref Unsafe.Add(ref MemoryMarshal.GetReference(a), r);
        ref float xr = ref MemoryMarshal.GetReference(tRe);
        ref float xi = ref MemoryMarshal.GetReference(tIm);
        ref float or = ref MemoryMarshal.GetReference(outRe);
        ref float oi = ref MemoryMarshal.GetReference(outIm);
        for (int c = 0; c < stride; c += half)
        {
            nuint at = (nuint)c;
            nuint next = at + (nuint)stride;
            var ra0 = Vector256.LoadUnsafe(ref or, at);
            var ra1 = Vector256.LoadUnsafe(ref or, at + Lanes);
            var ia0 = Vector256.LoadUnsafe(ref oi, at);
            var ia1 = Vector256.LoadUnsafe(ref oi, at + Lanes);
            var rb0 = Vector256.LoadUnsafe(ref or, next);
            var rb1 = Vector256.LoadUnsafe(ref or, next + Lanes);
            var ib0 = Vector256.LoadUnsafe(ref oi, next);
            var ib1 = Vector256.LoadUnsafe(ref oi, next + Lanes);
            nuint row = at;
            for (int j = 0; j < count; j++, row += (nuint)stride)
            {
                var ka = Vector256.Create(Unsafe.Add(ref coefficient, j * n));
                var kb = Vector256.Create(Unsafe.Add(ref coefficient, (j * n) + 1));
                var x0 = Vector256.LoadUnsafe(ref xr, row);
                var x1 = Vector256.LoadUnsafe(ref xr, row + Lanes);
                var y0 = Vector256.LoadUnsafe(ref xi, row);
                var y1 = Vector256.LoadUnsafe(ref xi, row + Lanes);
                ra0 = Vector256.FusedMultiplyAdd(ka, x0, ra0);
                ra1 = Vector256.FusedMultiplyAdd(ka, x1, ra1);
                ia0 = Vector256.FusedMultiplyAdd(ka, y0, ia0);
                ia1 = Vector256.FusedMultiplyAdd(ka, y1, ia1);
                rb0 = Vector256.FusedMultiplyAdd(kb, x0, rb0);
                rb1 = Vector256.FusedMultiplyAdd(kb, x1, rb1);
                ib0 = Vector256.FusedMultiplyAdd(kb, y0, ib0);
                ib1 = Vector256.FusedMultiplyAdd(kb, y1, ib1);
            }

            ra0.StoreUnsafe(ref or, at);
            ra1.StoreUnsafe(ref or, at + Lanes);
            ia0.StoreUnsafe(ref oi, at);
            ia1.StoreUnsafe(ref oi, at + Lanes);
            rb0.StoreUnsafe(ref or, next);
            rb1.StoreUnsafe(ref or, next + Lanes);
            ib0.StoreUnsafe(ref oi, next);
            ib1.StoreUnsafe(ref oi, next + Lanes);
        }
    }

    /// <summary>
    /// out[c] += Σ_j a[j]·t[j, c] over complex numbers for c below the stride, where row j of t starts at j·stride;
    /// each block of columns is summed in registers.
    /// </summary>
    private static void Product(
        ReadOnlySpan<float> aRe, ReadOnlySpan<float> aIm, ReadOnlySpan<float> tRe, ReadOnlySpan<float> tIm, int stride,
        Span<float> outRe, Span<float> outIm)
    {
        int count = aRe.Length;
        if (aIm.Length != count || tRe.Length < count * stride || tIm.Length < count * stride)
        {
            throw new ArgumentException("The table is too short for the coefficients.", nameof(tRe));
        }

        if (outRe.Length < stride || outIm.Length < stride || stride % Block != 0)
        {
            throw new ArgumentException("The output must hold whole blocks of the stride.", nameof(outRe));
        }

        ref float a = ref MemoryMarshal.GetReference(aRe);
        ref float ai = ref MemoryMarshal.GetReference(aIm);
        ref float xr = ref MemoryMarshal.GetReference(tRe);
        ref float xi = ref MemoryMarshal.GetReference(tIm);
        ref float or = ref MemoryMarshal.GetReference(outRe);
        ref float oi = ref MemoryMarshal.GetReference(outIm);
        for (int c = 0; c < stride; c += Block)
        {
            nuint at = (nuint)c;
            var r0 = Vector256.LoadUnsafe(ref or, at);
            var r1 = Vector256.LoadUnsafe(ref or, at + Lanes);
            var r2 = Vector256.LoadUnsafe(ref or, at + (2 * Lanes));
            var r3 = Vector256.LoadUnsafe(ref or, at + (3 * Lanes));
            var i0 = Vector256.LoadUnsafe(ref oi, at);
            var i1 = Vector256.LoadUnsafe(ref oi, at + Lanes);
            var i2 = Vector256.LoadUnsafe(ref oi, at + (2 * Lanes));
            var i3 = Vector256.LoadUnsafe(ref oi, at + (3 * Lanes));
            nuint row = at;
            for (int j = 0; j < count; j++, row += (nuint)stride)
            {
                var cr = Vector256.Create(Unsafe.Add(ref a, j));
                var ci = Vector256.Create(Unsafe.Add(ref ai, j));
                var ni = -ci;
                var x0 = Vector256.LoadUnsafe(ref xr, row);
                var y0 = Vector256.LoadUnsafe(ref xi, row);
                var x1 = Vector256.LoadUnsafe(ref xr, row + Lanes);
                var y1 = Vector256.LoadUnsafe(ref xi, row + Lanes);
                var x2 = Vector256.LoadUnsafe(ref xr, row + (2 * Lanes));
                var y2 = Vector256.LoadUnsafe(ref xi, row + (2 * Lanes));
                var x3 = Vector256.LoadUnsafe(ref xr, row + (3 * Lanes));
                var y3 = Vector256.LoadUnsafe(ref xi, row + (3 * Lanes));
                r0 = Vector256.FusedMultiplyAdd(ni, y0, Vector256.FusedMultiplyAdd(cr, x0, r0));
                i0 = Vector256.FusedMultiplyAdd(ci, x0, Vector256.FusedMultiplyAdd(cr, y0, i0));
                r1 = Vector256.FusedMultiplyAdd(ni, y1, Vector256.FusedMultiplyAdd(cr, x1, r1));
                i1 = Vector256.FusedMultiplyAdd(ci, x1, Vector256.FusedMultiplyAdd(cr, y1, i1));
                r2 = Vector256.FusedMultiplyAdd(ni, y2, Vector256.FusedMultiplyAdd(cr, x2, r2));
                i2 = Vector256.FusedMultiplyAdd(ci, x2, Vector256.FusedMultiplyAdd(cr, y2, i2));
                r3 = Vector256.FusedMultiplyAdd(ni, y3, Vector256.FusedMultiplyAdd(cr, x3, r3));
                i3 = Vector256.FusedMultiplyAdd(ci, x3, Vector256.FusedMultiplyAdd(cr, y3, i3));
            }

            r0.StoreUnsafe(ref or, at);
            r1.StoreUnsafe(ref or, at + Lanes);
            r2.StoreUnsafe(ref or, at + (2 * Lanes));
            r3.StoreUnsafe(ref or, at + (3 * Lanes));
            i0.StoreUnsafe(ref oi, at);
            i1.StoreUnsafe(ref oi, at + Lanes);
            i2.StoreUnsafe(ref oi, at + (2 * Lanes));
            i3.StoreUnsafe(ref oi, at + (3 * Lanes));
        }
    }

    /// <summary>(sin, cos) of 2π·frequency·position/n, the phase reduced modulo n in integers so that it stays exact for large grids.</summary>
    private static (float Sin, float Cos) Exponential(long frequency, long position, int n)
    {
        long turns = ((frequency * position % n) + n) % n;
        (double sin, double cos) = Math.SinCos(2 * Math.PI * turns / n);
        return ((float)sin, (float)cos);
    }
}
