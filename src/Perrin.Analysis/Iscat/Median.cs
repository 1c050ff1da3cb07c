namespace Perrin.Analysis.Iscat;

internal static class Median
{
    /// <summary>
    /// The median with numpy's convention (the mean of the two middle values for an even count). Reorders
    /// <paramref name="values"/>.
    /// </summary>
    public static double OfInPlace(Span<float> values)
    {
        values.Sort();
        var half = values.Length / 2;
        return values.Length % 2 == 1 ? values[half] : (values[half - 1] + (double)values[half]) / 2;
    }

    /// <summary>As <see cref="OfInPlace(Span{float})"/> for doubles.</summary>
    public static double OfInPlace(Span<double> values)
    {
        values.Sort();
        var half = values.Length / 2;
        return values.Length % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2;
    }
}
