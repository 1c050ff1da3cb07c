namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// trackpy's where_close after refinement: of every pair of features closer than the separation, the one of
/// smaller mass is dropped; on equal mass the one nearer the top-left (smaller y/s + x/s) is, and on a full tie
/// the earlier one. Pairs are judged independently, as trackpy does, not greedily.
/// </summary>
internal sealed class CloseFeatureFilter
{
    private const double PairDistance = 1 - 1e-7;

    private double[] _keys = [];
    private int[] _order = [];
    private bool[] _drop = [];

    public void Apply(List<CrockerGrierFeature> features, double separation)
    {
        var count = features.Count;
        if (count < 2)
        {
            return;
        }

        if (_keys.Length < count)
        {
            _keys = new double[count];
            _order = new int[count];
            _drop = new bool[count];
        }

        var keys = _keys.AsSpan(0, count);
        var order = _order.AsSpan(0, count);
        var drop = _drop.AsSpan(0, count);
        drop.Clear();
        for (var i = 0; i < count; i++)
        {
            keys[i] = features[i].Y / separation;
            order[i] = i;
        }

        keys.Sort(order);
        for (var a = 0; a < count; a++)
        {
            for (var b = a + 1; b < count && keys[b] - keys[a] <= PairDistance; b++)
            {
                var i = Math.Min(order[a], order[b]);
                var j = Math.Max(order[a], order[b]);
                var dy = (features[i].Y / separation) - (features[j].Y / separation);
                var dx = (features[i].X / separation) - (features[j].X / separation);
                if ((dy * dy) + (dx * dx) <= PairDistance * PairDistance)
                {
                    drop[DropsLater(features[i], features[j], separation) ? j : i] = true;
                }
            }
        }

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (!drop[i])
            {
                features[kept++] = features[i];
            }
        }

        features.RemoveRange(kept, count - kept);
    }

    /// <summary>True when the later feature of the pair is the one to drop.</summary>
    private static bool DropsLater(CrockerGrierFeature first, CrockerGrierFeature second, double separation)
    {
        if (first.Mass != second.Mass)
        {
            return first.Mass > second.Mass;
        }

        var firstSum = (first.Y / separation) + (first.X / separation);
        var secondSum = (second.Y / separation) + (second.X / separation);
        return firstSum > secondSum;
    }
}
