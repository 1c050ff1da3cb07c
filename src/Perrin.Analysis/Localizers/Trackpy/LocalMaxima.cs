using System.Numerics.Tensors;

namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// trackpy's grey_dilation peak finder (with precise=False, as locate calls it): a pixel is a peak when it equals
/// the maximum of the box that fits in the separation circle and exceeds the threshold, and it lies outside the
/// margin. The box is scipy's, zero-padded, with an even side reaching one pixel further forward than back.
/// </summary>
internal sealed class LocalMaxima
{
    private double[] _rowPass = [];
    private double[] _dilation = [];

    /// <summary>scipy's box side for a separation: int(2·s/√2).</summary>
    public static int BoxSide(double separation) => Math.Max(1, (int)(2 * separation / Math.Sqrt(2)));

    /// <summary>Appends the peaks as (row, column) in row-major order.</summary>
    public void Find(
        ReadOnlySpan<double> image, int height, int width, double separation, double threshold, double margin, List<(int Y, int X)> peaks)
    {
        var first = (int)Math.Ceiling(margin);
        var yLast = (int)Math.Floor(height - margin - 1);
        var xLast = (int)Math.Floor(width - margin - 1);
        if (first > yLast || first > xLast)
        {
            return;
        }

        var count = height * width;
        if (_dilation.Length < count)
        {
            _rowPass = new double[count];
            _dilation = new double[count];
        }

        var side = BoxSide(separation);
        var back = (side - 1) / 2;
        var forward = side / 2;
        var rowPass = _rowPass.AsSpan(0, count);
        for (var y = 0; y < height; y++)
        {
            DilateRow(image.Slice(y * width, width), rowPass.Slice(y * width, width), back, forward);
        }

        var dilation = _dilation.AsSpan(0, count);
        for (var y = first; y <= yLast; y++)
        {
            var target = dilation.Slice(y * width, width);
            rowPass.Slice(y * width, width).CopyTo(target);
            var reachesEdge = false;
            for (var d = -back; d <= forward; d++)
            {
                var source = y + d;
                if (source < 0 || source >= height)
                {
                    reachesEdge = true;
                }
                else if (d != 0)
                {
                    TensorPrimitives.Max(target, rowPass.Slice(source * width, width), target);
                }
            }

            if (reachesEdge)
            {
                TensorPrimitives.Max(target, 0.0, target);
            }

            var row = image.Slice(y * width, width);
            for (var x = first; x <= xLast; x++)
            {
                if (row[x] == target[x] && row[x] > threshold)
                {
                    peaks.Add((y, x));
                }
            }
        }
    }

    private static void DilateRow(ReadOnlySpan<double> row, Span<double> target, int back, int forward)
    {
        var width = row.Length;
        row.CopyTo(target);
        for (var d = -back; d <= forward; d++)
        {
            if (d == 0 || Math.Abs(d) >= width)
            {
                continue;
            }

            if (d > 0)
            {
                TensorPrimitives.Max(target[..(width - d)], row[d..], target[..(width - d)]);
            }
            else
            {
                TensorPrimitives.Max(target[(-d)..], row[..(width + d)], target[(-d)..]);
            }
        }

        for (var x = 0; x < width; x++)
        {
            if (x < back || x >= width - forward)
            {
                target[x] = Math.Max(target[x], 0);
            }
        }
    }
}
