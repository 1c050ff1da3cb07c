namespace Perrin.Analysis.Evaluation;

/// <summary>
/// Scores against a per-frame quantity such as the emitter density, for plots of Jaccard or RMSE versus density.
/// Frames are pooled by adding their sums, so a bin's RMSE is over all its pairs, not a mean of frame RMSEs.
/// </summary>
public static class EvaluationBinning
{
    /// <summary>
    /// Bins <paramref name="frames"/> by <paramref name="quantity"/> between consecutive <paramref name="edges"/>
    /// (finite, strictly increasing, at least two). Frames whose quantity is NaN or outside the edges are left out.
    /// </summary>
    public static IReadOnlyList<ScoreBin> Bin(IReadOnlyList<FrameEvaluation> frames, Func<FrameEvaluation, double> quantity, IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(quantity);
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Count < 2)
            throw new ArgumentException($"binning needs at least two edges, not {edges.Count}", nameof(edges));
        for (var i = 0; i < edges.Count; i++)
        {
            if (!double.IsFinite(edges[i]) || (i > 0 && edges[i] <= edges[i - 1]))
                throw new ArgumentException($"bin edges must be finite and strictly increasing; edge {i} is {edges[i]}", nameof(edges));
        }

        var bins = edges.Count - 1;
        var sums = new ScoreSums[bins];
        var counts = new int[bins];
        foreach (var frame in frames)
        {
            var value = quantity(frame);
            if (BinOf(value, edges) is { } k)
            {
                sums[k] += frame.Sums;
                counts[k]++;
            }
        }

        var result = new ScoreBin[bins];
        for (var k = 0; k < bins; k++)
            result[k] = new ScoreBin(edges[k], edges[k + 1], counts[k], LocalizationScores.From(sums[k]));
        return result;
    }

    /// <summary>A per-frame quantity: true emitters per µm² in a field of view of <paramref name="areaUm2"/>.</summary>
    public static Func<FrameEvaluation, double> TruthDensityPerUm2(double areaUm2)
    {
        if (!double.IsFinite(areaUm2) || areaUm2 <= 0)
            throw new ArgumentException($"the field of view must have a positive area in µm², not {areaUm2}", nameof(areaUm2));
        return frame => frame.TruthCount / areaUm2;
    }

    /// <summary>The bin [edges[k], edges[k + 1]) holding <paramref name="value"/> (the last bin closed), or null outside or for NaN.</summary>
    internal static int? BinOf(double value, IReadOnlyList<double> edges)
    {
        if (!(value >= edges[0] && value <= edges[^1]))
            return null;
        int lo = 0, hi = edges.Count - 1;

        // Invariant: edges[lo] ≤ value and (hi is the last edge or value < edges[hi]).
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (edges[mid] <= value)
                lo = mid;
            else
                hi = mid;
        }

        return lo;
    }
}
