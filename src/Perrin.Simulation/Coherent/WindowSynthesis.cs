using System.Numerics;
using System.Runtime.InteropServices;

namespace Perrin.Simulation.Coherent;

/// <summary>
/// The intensity |Σ S[k] e^{+2πi k·n/N}|² of a pupil-limited spectrum on a window of the grid, as two dense
/// products with tabulated exponentials in single precision: first each pupil row against the window's columns
/// (rows × pupil width × window width), then the window's rows against those (window height × rows × window
/// width). For a pupil of radius R much smaller than the grid this does about (2R + 1)·W·H complex
/// multiply-adds, in SIMD lanes, against the FFT path's (2R + 1 + W) transforms of N points
/// (<see cref="BandLimitedSynthesis"/>); <see cref="IsCheaperThanFft"/> tells which is less work.
/// Immutable apart from the per-thread scratch; safe to share between threads.
/// </summary>
public sealed class WindowSynthesis
{
    [ThreadStatic]
    private static float[]? _scratch;

    private readonly int[] _rows;
    private readonly int[] _columns;

    // Column exponentials e^{2πi kx (left + c)/N}, one row of `Width` per pupil column; row exponentials likewise.
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
        _columns = [.. Enumerable.Range(0, grid.Width).Where(c => Math.Abs(grid.BinX(c)) <= grid.PupilRadiusX)];
        _rows = [.. Enumerable.Range(0, grid.Height).Where(r => Math.Abs(grid.BinY(r)) <= grid.PupilRadiusY)];
        (_columnRe, _columnIm) = Exponentials(_columns, grid.Width, left, width, grid.BinX);
        (_rowRe, _rowIm) = Exponentials(_rows, grid.Height, top, height, grid.BinY);
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
    public void Intensity(ReadOnlySpan<Complex> spectrum, Span<float> intensity, float scale, float offset)
    {
        if (spectrum.Length != Grid.Width * Grid.Height || intensity.Length < Width * Height)
        {
            throw new ArgumentException("The spectrum must cover the grid and the intensity the window.", nameof(spectrum));
        }

        int w = Width;
        int band = _rows.Length;
        int needed = (2 * band * w) + (2 * w);
        if (_scratch is null || _scratch.Length < needed)
        {
            _scratch = new float[needed];
        }

        Span<float> mRe = _scratch.AsSpan(0, band * w);
        Span<float> mIm = _scratch.AsSpan(band * w, band * w);
        Span<float> accRe = _scratch.AsSpan(2 * band * w, w);
        Span<float> accIm = _scratch.AsSpan((2 * band * w) + w, w);
        mRe.Clear();
        mIm.Clear();
        for (int b = 0; b < band; b++)
        {
            ReadOnlySpan<Complex> line = spectrum.Slice(_rows[b] * Grid.Width, Grid.Width);
            Span<float> targetRe = mRe.Slice(b * w, w);
            Span<float> targetIm = mIm.Slice(b * w, w);
            for (int k = 0; k < _columns.Length; k++)
            {
                Complex s = line[_columns[k]];
                if (s != Complex.Zero)
                {
                    MultiplyAdd((float)s.Real, (float)s.Imaginary, _columnRe.AsSpan(k * w, w), _columnIm.AsSpan(k * w, w), targetRe, targetIm);
                }
            }
        }

        int h = Height;
        for (int r = 0; r < h; r++)
        {
            accRe.Clear();
            accIm.Clear();
            for (int b = 0; b < band; b++)
            {
                MultiplyAdd(_rowRe[(b * h) + r], _rowIm[(b * h) + r], mRe.Slice(b * w, w), mIm.Slice(b * w, w), accRe, accIm);
            }

            Span<float> output = intensity.Slice(r * w, w);
            for (int c = 0; c < w; c++)
            {
                output[c] = (scale * ((accRe[c] * accRe[c]) + (accIm[c] * accIm[c]))) + offset;
            }
        }
    }

    /// <summary>acc += (aRe + i·aIm)·(xRe + i·xIm), element-wise.</summary>
    private static void MultiplyAdd(float aRe, float aIm, ReadOnlySpan<float> xRe, ReadOnlySpan<float> xIm, Span<float> accRe, Span<float> accIm)
    {
        int n = accRe.Length;
        int c = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var vr = new Vector<float>(aRe);
            var vi = new Vector<float>(aIm);
            ReadOnlySpan<Vector<float>> xr = MemoryMarshal.Cast<float, Vector<float>>(xRe);
            ReadOnlySpan<Vector<float>> xi = MemoryMarshal.Cast<float, Vector<float>>(xIm);
            Span<Vector<float>> ar = MemoryMarshal.Cast<float, Vector<float>>(accRe);
            Span<Vector<float>> ai = MemoryMarshal.Cast<float, Vector<float>>(accIm);
            for (int v = 0; v < ar.Length; v++)
            {
                ar[v] += (vr * xr[v]) - (vi * xi[v]);
                ai[v] += (vr * xi[v]) + (vi * xr[v]);
            }

            c = ar.Length * Vector<float>.Count;
        }

        for (; c < n; c++)
        {
            accRe[c] += (aRe * xRe[c]) - (aIm * xIm[c]);
            accIm[c] += (aRe * xIm[c]) + (aIm * xRe[c]);
        }
    }

    private static (float[] Re, float[] Im) Exponentials(int[] bins, int n, int first, int count, Func<int, int> bin)
    {
        var re = new float[bins.Length * count];
        var im = new float[bins.Length * count];
        for (int k = 0; k < bins.Length; k++)
        {
            long frequency = bin(bins[k]);
            for (int p = 0; p < count; p++)
            {
                // The phase is reduced modulo N in integers so that it stays exact for large grids.
                long turns = ((frequency * (first + p)) % n + n) % n;
                (double sin, double cos) = Math.SinCos(2 * Math.PI * turns / n);
                re[(k * count) + p] = (float)cos;
                im[(k * count) + p] = (float)sin;
            }
        }

        return (re, im);
    }
}
