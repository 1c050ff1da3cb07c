using System.Numerics;
using Perrin.Analysis.Iscat;

namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>
/// A frame normalized to I/N − 1 (N its median, the reference's photons per pixel for sparse scatterers) and the
/// sum S of the scatterers' modelled fields relative to the reference, which <see cref="IpsfRefiner"/> updates one
/// scatterer at a time. The model of the frame is |1 + S|² − 1 = 2·Re S + |S|².
/// </summary>
internal sealed class IpsfFrame
{
    private readonly double[] _normalized;
    private readonly Complex[] _field;

    private IpsfFrame(double[] normalized, int height, int width)
    {
        _normalized = normalized;
        _field = new Complex[normalized.Length];
        Height = height;
        Width = width;
    }

    public int Height { get; }

    public int Width { get; }

    /// <summary>The normalized frame, or null when a pixel is not finite or the median is not positive.</summary>
    public static IpsfFrame? Normalize(ReadOnlySpan<float> counts, int height, int width)
    {
        if (counts.Length == 0)
        {
            return null;
        }

        var sorted = counts.ToArray();
        foreach (var v in sorted)
        {
            if (!float.IsFinite(v))
            {
                return null;
            }
        }

        var median = Median.OfInPlace(sorted);
        if (!(median > 0))
        {
            return null;
        }

        var normalized = new double[counts.Length];
        for (var i = 0; i < normalized.Length; i++)
        {
            normalized[i] = (counts[i] / median) - 1;
        }

        return new IpsfFrame(normalized, height, width);
    }

    /// <summary>
    /// What one scatterer's field E must explain over <paramref name="box"/>, with S₀ the other scatterers' field
    /// (S less <paramref name="own"/>'s, if it is in the model): the target I/N − 1 − 2·Re S₀ − |S₀|², which the model
    /// writes 2·Re(E·(1 + S₀*)) + |E|², and that gain 1 + S₀*, row by row.
    /// </summary>
    public void Prepare(PixelBox box, IpsfScatterer own, Span<double> target, Span<Complex> gain)
    {
        for (var row = 0; row < box.Height; row++)
        {
            var at = ((box.Top + row) * Width) + box.Left;
            for (var col = 0; col < box.Width; col++)
            {
                var others = _field[at + col] - Own(own, box.Left + col, box.Top + row);
                var i = (row * box.Width) + col;
                target[i] = _normalized[at + col] - (2 * others.Real) - ((others.Real * others.Real) + (others.Imaginary * others.Imaginary));
                gain[i] = Complex.One + Complex.Conjugate(others);
            }
        }
    }

    /// <summary>The whole frame less its model, I/N − 1 − 2·Re S − |S|², row by row.</summary>
    public double[] Residual()
    {
        var residual = new double[_normalized.Length];
        for (var i = 0; i < residual.Length; i++)
        {
            var s = _field[i];
            residual[i] = _normalized[i] - (2 * s.Real) - ((s.Real * s.Real) + (s.Imaginary * s.Imaginary));
        }

        return residual;
    }

    /// <summary>
    /// The residual's sum of squares over <paramref name="box"/> about its mean there: how well the model explains the
    /// window, up to the local offset each fit allows.
    /// </summary>
    public double ResidualCost(PixelBox box)
    {
        double sum = 0, squares = 0;
        for (var row = 0; row < box.Height; row++)
        {
            var at = ((box.Top + row) * Width) + box.Left;
            for (var col = 0; col < box.Width; col++)
            {
                var s = _field[at + col];
                var r = _normalized[at + col] - (2 * s.Real) - ((s.Real * s.Real) + (s.Imaginary * s.Imaginary));
                sum += r;
                squares += r * r;
            }
        }

        return box.Area == 0 ? 0 : squares - (sum * sum / box.Area);
    }

    /// <summary>
    /// The variance of one pixel of the residual, robustly: (1.4826 · median absolute deviation)². It counts what
    /// the model leaves unexplained, shot noise and the coverslip's speckle alike, which is what a new scatterer
    /// must stand out from.
    /// </summary>
    public double NoiseVariance()
    {
        var residual = Residual();
        var median = Median.OfInPlace(residual.ToArray().AsSpan());
        for (var i = 0; i < residual.Length; i++)
        {
            residual[i] = Math.Abs(residual[i] - median);
        }

        var sigma = 1.4826 * Median.OfInPlace(residual.AsSpan());
        return sigma * sigma;
    }

    /// <summary>A copy of the modelled field, to put back with <see cref="Restore"/> exactly, where adding and removing a trial's fields would leave their roundings.</summary>
    public Complex[] Snapshot() => (Complex[])_field.Clone();

    public void Restore(Complex[] snapshot) => snapshot.CopyTo(_field, 0);

    /// <summary>Adds sign × values (box-sized, row by row) to the field.</summary>
    public void Add(PixelBox box, ReadOnlySpan<Complex> values, int sign)
    {
        for (var row = 0; row < box.Height; row++)
        {
            var at = ((box.Top + row) * Width) + box.Left;
            for (var col = 0; col < box.Width; col++)
            {
                _field[at + col] += sign * values[(row * box.Width) + col];
            }
        }
    }

    private static Complex Own(IpsfScatterer s, int col, int row)
    {
        var box = s.Box;
        if (!s.Fitted || col < box.Left || row < box.Top || col >= box.Left + box.Width || row >= box.Top + box.Height)
        {
            return Complex.Zero;
        }

        return s.Contribution[((row - box.Top) * box.Width) + (col - box.Left)];
    }
}
