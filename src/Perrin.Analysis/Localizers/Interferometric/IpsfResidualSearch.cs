using System.Numerics;
using Perrin.Core.Maths;

namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>
/// Finds scatterers the model of a frame lacks: for a new scatterer on every pixel and every depth of the grid, the
/// least-squares amplitude against the frame's residual and how much it lowers the sum of squares,
/// Δ = bᵀ·A⁻¹·b with b the residual's correlation with the field's two quadratures 2·Re F and −2·Im F and A their
/// Gram matrix, all correlations at once by FFT. Candidates are the local maxima of Δ over position (best depth)
/// that exceed a threshold in units of the frame's median Δ. Built for one padded
/// frame size; safe to share between threads.
/// </summary>
internal sealed class IpsfResidualSearch
{
    private readonly Complex[][] _spectra;
    private readonly double[][] _inverseGram;
    private readonly double[] _depths;

    public IpsfResidualSearch(ICoherentFieldModel model, double[] depths, int height, int width, int radius)
    {
        Height = height;
        Width = width;
        Rows = PowerOfTwo(height + radius);
        Columns = PowerOfTwo(width + radius);
        _depths = depths;
        _spectra = new Complex[depths.Length][];
        _inverseGram = new double[depths.Length][];
        var size = (2 * radius) + 1;
        var patch = new Complex[size * size];
        for (var d = 0; d < depths.Length; d++)
        {
            Array.Clear(patch);
            model.AddField(patch, size, size, radius, radius, depths[d], Complex.One);
            double uu = 0, uv = 0, vv = 0;
            var spectrum = new Complex[Rows * Columns];
            for (var dy = -radius; dy <= radius; dy++)
            {
                for (var dx = -radius; dx <= radius; dx++)
                {
                    var f = patch[((dy + radius) * size) + dx + radius];
                    double u = 2 * f.Real, v = -2 * f.Imaginary;
                    uu += u * u;
                    uv += u * v;
                    vv += v * v;

                    // The kernel flipped, so that a convolution with it is the correlation Σₚ r(p)·F(p − q).
                    spectrum[(Wrap(-dy, Rows) * Columns) + Wrap(-dx, Columns)] = f;
                }
            }

            Fft2D.Forward(spectrum, Rows, Columns);
            _spectra[d] = spectrum;
            var determinant = (uu * vv) - (uv * uv);
            _inverseGram[d] = determinant > 0 ? [vv / determinant, -uv / determinant, uu / determinant] : [0, 0, 0];
        }
    }

    public int Height { get; }

    public int Width { get; }

    private int Rows { get; }

    private int Columns { get; }

    /// <summary>
    /// Pixels (x, y, best depth, Δ over the median Δ) where a new scatterer would lower the residual's sum of squares
    /// by more than <paramref name="threshold"/> times the frame's median Δ (the background's), local maxima over the 5 × 5 pixels around them, strongest first, none within
    /// <paramref name="exclusionPx"/> of a position in <paramref name="occupied"/>.
    /// </summary>
    public List<IpsfCandidate> Find(ReadOnlySpan<double> residual, double threshold, IReadOnlyList<(double X, double Y)> occupied, double exclusionPx)
    {
        var found = new List<IpsfCandidate>();

        var data = new Complex[Rows * Columns];
        var gain = new double[Height * Width];
        var depthOf = new int[Height * Width];
        var spectrum = new Complex[Rows * Columns];
        for (var row = 0; row < Height; row++)
        {
            for (var col = 0; col < Width; col++)
            {
                spectrum[(row * Columns) + col] = residual[(row * Width) + col];
            }
        }

        Fft2D.Forward(spectrum, Rows, Columns);
        for (var d = 0; d < _depths.Length; d++)
        {
            var kernel = _spectra[d];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = spectrum[i] * kernel[i];
            }

            Fft2D.Inverse(data, Rows, Columns);
            var g = _inverseGram[d];
            for (var row = 0; row < Height; row++)
            {
                for (var col = 0; col < Width; col++)
                {
                    var c = data[(row * Columns) + col];
                    double bu = 2 * c.Real, bv = -2 * c.Imaginary;
                    var delta = (g[0] * bu * bu) + (2 * g[1] * bu * bv) + (g[2] * bv * bv);
                    var at = (row * Width) + col;
                    if (delta > gain[at])
                    {
                        gain[at] = delta;
                        depthOf[at] = d;
                    }
                }
            }
        }

        // Most pixels hold no scatterer, so the median Δ is that of the background: shot noise and whatever static
        // speckle the frame has, which, being correlated over a few pixels, raises Δ well above the σ²·χ²₂ of white noise.
        var scale = Median(gain);
        if (!(scale > 0))
        {
            return found;
        }

        for (var row = 0; row < Height; row++)
        {
            for (var col = 0; col < Width; col++)
            {
                var value = gain[(row * Width) + col] / scale;
                if (value > threshold && IsPeak(gain, row, col) && Free(occupied, col, row, exclusionPx))
                {
                    found.Add(new IpsfCandidate(col, row, _depths[depthOf[(row * Width) + col]], value));
                }
            }
        }

        found.Sort((a, b) => b.Significance.CompareTo(a.Significance));
        return found;
    }

    private bool IsPeak(double[] gain, int row, int col)
    {
        var value = gain[(row * Width) + col];
        for (var r = Math.Max(0, row - 2); r <= Math.Min(Height - 1, row + 2); r++)
        {
            for (var c = Math.Max(0, col - 2); c <= Math.Min(Width - 1, col + 2); c++)
            {
                var other = gain[(r * Width) + c];

                // Ties go to the first pixel in row-major order, so a flat top gives one peak.
                if (other > value || (other == value && ((r * Width) + c) < ((row * Width) + col)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Free(IReadOnlyList<(double X, double Y)> occupied, int col, int row, double exclusionPx)
    {
        foreach (var (x, y) in occupied)
        {
            if (((x - col) * (x - col)) + ((y - row) * (y - row)) < exclusionPx * exclusionPx)
            {
                return false;
            }
        }

        return true;
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }

    private static int Wrap(int i, int n) => ((i % n) + n) % n;

    private static int PowerOfTwo(int n)
    {
        var p = 1;
        while (p < n)
        {
            p *= 2;
        }

        return p;
    }
}
