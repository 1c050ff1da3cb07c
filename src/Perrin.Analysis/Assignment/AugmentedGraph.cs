namespace Perrin.Analysis.Assignment;

/// <summary>The left-to-right edges of the augmented assignment graph in compressed rows.</summary>
internal sealed class AugmentedGraph(int[] start, int[] target, double[] cost)
{
    public int[] Start { get; } = start;

    public int[] Target { get; } = target;

    public double[] Cost { get; } = cost;

    /// <summary>The cheapest edge from left node <paramref name="a"/> to right node <paramref name="b"/>.</summary>
    public double CheapestPair(int a, int b)
    {
        var best = double.PositiveInfinity;
        for (var e = Start[a]; e < Start[a + 1]; e++)
            if (Target[e] == b) best = Math.Min(best, Cost[e]);
        return best;
    }
}
