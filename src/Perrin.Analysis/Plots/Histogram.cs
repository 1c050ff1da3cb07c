namespace Perrin.Analysis.Plots;

/// <summary>Counts of values in equal-width bins; non-finite values are left out and counted apart.</summary>
public sealed class Histogram
{
    /// <summary>Most bins <see cref="Of"/> chooses by itself.</summary>
    public const int AutomaticBinLimit = 50;

    private readonly double[] _edges;
    private readonly int[] _counts;

    private Histogram(double[] edges, int[] counts, int leftOut)
    {
        _edges = edges;
        _counts = counts;
        LeftOut = leftOut;
    }

    /// <summary>Bin edges, one more than <see cref="Counts"/>; empty when there were no finite values.</summary>
    public ReadOnlySpan<double> Edges => _edges;

    public ReadOnlySpan<int> Counts => _counts;

    public int Bins => _counts.Length;

    /// <summary>Non-finite values not counted.</summary>
    public int LeftOut { get; }

    /// <param name="bins">Number of bins; by default ⌈√n⌉ between 1 and <see cref="AutomaticBinLimit"/>.</param>
    public static Histogram Of(ReadOnlySpan<double> values, int? bins = null)
    {
        if (bins is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "a histogram needs 1 to 10000 bins");
        }

        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        var finite = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                (low, high, finite) = (Math.Min(low, v), Math.Max(high, v), finite + 1);
            }
        }

        if (finite == 0)
        {
            return new Histogram([], [], values.Length);
        }

        if (high == low)
        {
            var pad = low == 0 ? 0.5 : Math.Abs(low) * 0.05;
            (low, high) = (low - pad, high + pad);
        }

        var count = bins ?? Math.Clamp((int)Math.Ceiling(Math.Sqrt(finite)), 1, AutomaticBinLimit);
        var edges = new double[count + 1];
        for (var i = 0; i <= count; i++)
        {
            edges[i] = low + ((high - low) * i / count);
        }

        var counts = new int[count];
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                counts[Math.Min(count - 1, (int)((v - low) / (high - low) * count))]++;
            }
        }

        return new Histogram(edges, counts, values.Length - finite);
    }
}
