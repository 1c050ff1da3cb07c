namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>The last steps of trackpy.locate: undo the integer scaling of mass and signal, filter, keep the top N.</summary>
internal static class FeatureSelection
{
    public static void Rescale(List<CrockerGrierFeature> features, double scale)
    {
        for (var i = 0; i < features.Count; i++)
        {
            features[i] = features[i] with { Mass = features[i].Mass / scale, Signal = features[i].Signal / scale };
        }
    }

    /// <summary>Keeps mass &gt; minMass and, when given, size &lt; maxSize (both strict, as in trackpy).</summary>
    public static void Filter(List<CrockerGrierFeature> features, double minMass, double? maxSize)
    {
        var kept = 0;
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            if (feature.Mass > minMass && (maxSize is not { } limit || feature.Size < limit))
            {
                features[kept++] = feature;
            }
        }

        features.RemoveRange(kept, features.Count - kept);
    }

    /// <summary>
    /// trackpy keeps the N largest masses in ascending order of mass (the single largest, first on ties, for N = 1).
    /// </summary>
    public static void KeepTop(List<CrockerGrierFeature> features, int? topN)
    {
        if (topN is not { } n || features.Count <= n)
        {
            return;
        }

        if (n == 1)
        {
            var best = 0;
            for (var i = 1; i < features.Count; i++)
            {
                if (features[i].Mass > features[best].Mass)
                {
                    best = i;
                }
            }

            var top = features[best];
            features.Clear();
            features.Add(top);
            return;
        }

        var ranked = features.Select((feature, index) => (feature, index))
            .OrderBy(pair => pair.feature.Mass)
            .ThenBy(pair => pair.index)
            .Skip(features.Count - n)
            .Select(pair => pair.feature)
            .ToList();
        features.Clear();
        features.AddRange(ranked);
    }
}
