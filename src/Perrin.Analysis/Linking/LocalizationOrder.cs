using Perrin.Core.Tables;

namespace Perrin.Analysis.Linking;

/// <summary>
/// A total order on the localizations of one frame: by x, then y, then every other quantity. Linking works on the
/// rows in this order, so its result, particle ids included, does not depend on the order the rows came in.
/// </summary>
internal static class LocalizationOrder
{
    /// <summary>The indices 0 … n − 1 of <paramref name="rows"/> in this order; the rows themselves are not moved.</summary>
    public static int[] Sorted(Localization[] rows)
    {
        var order = new int[rows.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (i, j) => Compare(in rows[i], in rows[j]));
        return order;
    }

    public static int Compare(in Localization a, in Localization b)
    {
        var c = a.X.CompareTo(b.X);
        if (c == 0) c = a.Y.CompareTo(b.Y);
        if (c == 0) c = a.Z.CompareTo(b.Z);
        if (c == 0) c = a.Intensity.CompareTo(b.Intensity);
        if (c == 0) c = a.Mass.CompareTo(b.Mass);
        if (c == 0) c = a.Sigma.CompareTo(b.Sigma);
        if (c == 0) c = a.Uncertainty.CompareTo(b.Uncertainty);
        if (c == 0) c = a.Offset.CompareTo(b.Offset);
        if (c == 0) c = a.BkgStd.CompareTo(b.BkgStd);
        if (c == 0) c = a.Signal.CompareTo(b.Signal);
        if (c == 0) c = a.RawMass.CompareTo(b.RawMass);
        if (c == 0) c = a.Size.CompareTo(b.Size);
        if (c == 0) c = a.Ecc.CompareTo(b.Ecc);
        if (c == 0) c = a.Ep.CompareTo(b.Ep);
        if (c == 0) c = a.Chi2.CompareTo(b.Chi2);
        if (c == 0) c = a.UncertaintyZ.CompareTo(b.UncertaintyZ);
        if (c == 0) c = Nullable.Compare(a.Id, b.Id);
        if (c == 0) c = Nullable.Compare(a.Detections, b.Detections);
        return c;
    }
}
