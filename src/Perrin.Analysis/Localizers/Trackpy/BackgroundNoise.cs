using System.Numerics;

namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// trackpy's measure_noise: the background is every pixel farther than the mask radius from all non-zero pixels
/// of the processed image (a binary dilation by the circular mask), and its mean and standard deviation (ddof 0)
/// are taken on the raw image.
/// </summary>
internal sealed class BackgroundNoise
{
    private readonly int _radius;
    private readonly int[] _halfWidths;
    private int[] _distance = [];
    private int[] _isBackground = [];

    public BackgroundNoise(FeatureMask mask)
    {
        _radius = mask.Radius;
        _halfWidths = new int[(2 * _radius) + 1];
        for (var i = 0; i < mask.Count; i++)
        {
            var row = mask.Dy[i] + _radius;
            _halfWidths[row] = Math.Max(_halfWidths[row], Math.Abs(mask.Dx[i]));
        }
    }

    /// <summary>(mean, standard deviation) of the background; NaN where there is too little background.</summary>
    public (double BlackLevel, double Noise) Measure(ReadOnlySpan<double> image, ReadOnlySpan<float> raw, int height, int width)
    {
        var count = height * width;
        if (_distance.Length < count)
        {
            _distance = new int[count];
            _isBackground = new int[count];
        }

        var isBackground = _isBackground.AsSpan(0, count);

        var distance = _distance.AsSpan(0, count);
        for (var y = 0; y < height; y++)
        {
            RowDistances(image.Slice(y * width, width), distance.Slice(y * width, width));
        }

        for (var y = 0; y < height; y++)
        {
            MarkBackgroundRow(distance, height, width, y, isBackground.Slice(y * width, width));
        }

        long n = 0;
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (isBackground[i] != 0)
            {
                n++;
                sum += raw[i];
            }
        }

        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        var mean = sum / n;
        if (n == 1)
        {
            return (mean, double.NaN);
        }

        var squares = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (isBackground[i] != 0)
            {
                var deviation = raw[i] - mean;
                squares += deviation * deviation;
            }
        }

        return (mean, Math.Sqrt(squares / n));
    }

    /// <summary>Sets −1 where no mask row reaches a non-zero pixel, 0 elsewhere; rows outside the image reach nothing.</summary>
    private void MarkBackgroundRow(ReadOnlySpan<int> distance, int height, int width, int y, Span<int> flags)
    {
        flags.Fill(-1);
        var first = Math.Max(-_radius, -y);
        var last = Math.Min(_radius, height - 1 - y);
        var lanes = Vector<int>.Count;
        for (var dy = first; dy <= last; dy++)
        {
            var row = distance.Slice((y + dy) * width, width);
            var halfWidth = _halfWidths[dy + _radius];
            var reach = new Vector<int>(halfWidth);
            var x = 0;
            for (; x <= width - lanes; x += lanes)
            {
                var outside = Vector.GreaterThan(new Vector<int>(row[x..]), reach);
                (new Vector<int>(flags[x..]) & outside).CopyTo(flags[x..]);
            }

            for (; x < width; x++)
            {
                if (row[x] <= halfWidth)
                {
                    flags[x] = 0;
                }
            }
        }
    }

    /// <summary>For each pixel, how far along its row the nearest non-zero pixel lies (int.MaxValue if none).</summary>
    private static void RowDistances(ReadOnlySpan<double> row, Span<int> distance)
    {
        var last = -1;
        for (var x = 0; x < row.Length; x++)
        {
            if (row[x] != 0)
            {
                last = x;
            }

            distance[x] = last < 0 ? int.MaxValue : x - last;
        }

        last = -1;
        for (var x = row.Length - 1; x >= 0; x--)
        {
            if (row[x] != 0)
            {
                last = x;
            }

            if (last >= 0)
            {
                distance[x] = Math.Min(distance[x], last - x);
            }
        }
    }
}
