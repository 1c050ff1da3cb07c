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
        _stride = (width + Block - 1) / Block * Block;
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

    /// <summary>Writes scale·|field|² + offset for every window pixel (row-major, Width × Height).</summary>
    public void Intensity(PupilSpectrum spectrum, Span<float> intensity, float scale, float offset)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        if (spectrum.Layout != _layout || intensity.Length < Width * Height)
        {
            throw new ArgumentException("The spectrum must lie on the grid's pupil and the intensity cover the window.", nameof(spectrum));
        }

        int rows = _layout.Rows;
        int columns = _layout.Columns;
        int stride = _stride;
        int needed = 2 * (rows + 1) * stride;
        if (_scratch is null || _scratch.Length < needed)
        {
            _scratch = new float[needed];
        }

        Span<float> bandRe = _scratch.AsSpan(0, rows * stride);
        Span<float> bandIm = _scratch.AsSpan(rows * stride, rows * stride);
        Span<float> lineRe = _scratch.AsSpan(2 * rows * stride, stride);
        Span<float> lineIm = _scratch.AsSpan((2 * rows * stride) + stride, stride);
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

        var vScale = Vector256.Create(scale);
        var vOffset = Vector256.Create(offset);
        int whole = Width / Lanes * Lanes;
        for (int r = 0; r < Height; r++)
        {
            Product(_rowRe.AsSpan(r * rows, rows), _rowIm.AsSpan(r * rows, rows), bandRe, bandIm, stride, lineRe, lineIm);
            Span<float> output = intensity.Slice(r * Width, Width);
            int c = 0;
            for (; c < whole; c += Lanes)
            {
                var re = Vector256.Create<float>(lineRe.Slice(c, Lanes));
                var im = Vector256.Create<float>(lineIm.Slice(c, Lanes));
                Vector256.FusedMultiplyAdd(vScale, (re * re) + (im * im), vOffset).CopyTo(output.Slice(c, Lanes));
            }

            for (; c < Width; c++)
            {
                output[c] = (scale * ((lineRe[c] * lineRe[c]) + (lineIm[c] * lineIm[c]))) + offset;
            }
        }
    }

    /// <summary>
    /// out[c] = Σ_j a[j]·t[j, c] over complex numbers for c below the stride, where row j of t starts at j·stride;
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
            var r0 = Vector256<float>.Zero;
            var r1 = Vector256<float>.Zero;
            var r2 = Vector256<float>.Zero;
            var r3 = Vector256<float>.Zero;
            var i0 = Vector256<float>.Zero;
            var i1 = Vector256<float>.Zero;
            var i2 = Vector256<float>.Zero;
            var i3 = Vector256<float>.Zero;
            nuint row = (nuint)c;
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

            nuint at = (nuint)c;
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
