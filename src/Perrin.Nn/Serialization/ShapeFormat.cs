namespace Perrin.Nn.Serialization;

internal static class ShapeFormat
{
    public static string Of(IReadOnlyList<int> shape) => "[" + string.Join(",", shape) + "]";

    /// <summary>Element count of a shape, or -1 when a dimension is negative or the count overflows.</summary>
    public static long ElementCount(IReadOnlyList<int> shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0)
            {
                return -1;
            }

            if (d != 0 && count > long.MaxValue / d)
            {
                return -1;
            }

            count *= d;
        }

        return count;
    }
}
