namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// numpy's percentile (linear interpolation) of the non-zero pixels, as trackpy's percentile_threshold computes it.
/// The values are integers, so a histogram replaces the sort whenever they fit one.
/// </summary>
internal sealed class PercentileThreshold
{
    private const int MaxHistogramValue = ushort.MaxValue;

    private int[] _histogram = [];
    private double[] _sorted = [];

    /// <summary>The percentile, or NaN when every pixel is zero.</summary>
    public double Compute(ReadOnlySpan<double> image, double percentile)
    {
        var count = 0;
        var useHistogram = true;
        var max = 0.0;
        foreach (var value in image)
        {
            if (value != 0)
            {
                count++;
                useHistogram &= value > 0 && value <= MaxHistogramValue && value == Math.Floor(value);
                max = Math.Max(max, value);
            }
        }

        if (count == 0)
        {
            return double.NaN;
        }

        var quantile = percentile / 100;
        var virtualIndex = (count - 1) * quantile;
        var previousIndex = Math.Floor(virtualIndex);
        var gamma = virtualIndex - previousIndex;
        var lower = (long)Math.Min(previousIndex, count - 1);
        var upper = Math.Min(lower + 1, count - 1);
        var (a, b) = useHistogram ? FromHistogram(image, (int)max, lower, upper) : FromSort(image, count, lower, upper);
        var difference = b - a;
        return gamma >= 0.5 ? b - (difference * (1 - gamma)) : a + (difference * gamma);
    }

    private (double Lower, double Upper) FromHistogram(ReadOnlySpan<double> image, int max, long lower, long upper)
    {
        if (_histogram.Length < max + 1)
        {
            _histogram = new int[max + 1];
        }

        var histogram = _histogram.AsSpan(0, max + 1);
        histogram.Clear();
        foreach (var value in image)
        {
            if (value != 0)
            {
                histogram[(int)value]++;
            }
        }

        double lowerValue = double.NaN;
        long seen = 0;
        for (var level = 1; level <= max; level++)
        {
            seen += histogram[level];
            if (double.IsNaN(lowerValue) && seen > lower)
            {
                lowerValue = level;
            }

            if (seen > upper)
            {
                return (lowerValue, level);
            }
        }

        return (lowerValue, max);
    }

    private (double Lower, double Upper) FromSort(ReadOnlySpan<double> image, int count, long lower, long upper)
    {
        if (_sorted.Length < count)
        {
            _sorted = new double[count];
        }

        var sorted = _sorted.AsSpan(0, count);
        var next = 0;
        foreach (var value in image)
        {
            if (value != 0)
            {
                sorted[next++] = value;
            }
        }

        sorted.Sort();
        return (sorted[(int)lower], sorted[(int)upper]);
    }
}
