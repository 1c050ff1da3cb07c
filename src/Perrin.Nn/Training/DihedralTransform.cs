namespace Perrin.Nn.Training;

/// <summary>
/// The 8 symmetries of a square image: transform d flips x when bit 0 is set, flips y when bit 1 is set, then
/// transposes when bit 2 is set. Identity is 0. Exact (a permutation of pixels), so image and label stay aligned.
/// </summary>
public static class DihedralTransform
{
    public const int Count = 8;

    /// <summary>Writes plane <paramref name="source"/> (side × side, row-major) transformed by <paramref name="transform"/> into <paramref name="destination"/>.</summary>
    public static void Apply(ReadOnlySpan<float> source, Span<float> destination, int side, int transform)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 1);
        if ((uint)transform >= Count) throw new ArgumentOutOfRangeException(nameof(transform), transform, "a dihedral transform is 0 … 7");
        var plane = checked(side * side);
        if (source.Length < plane || destination.Length < plane)
            throw new ArgumentException($"DihedralTransform: a {side}×{side} plane needs {plane} values; source has {source.Length}, destination {destination.Length}.");
        if (transform == 0)
        {
            source[..plane].CopyTo(destination);
            return;
        }

        bool flipX = (transform & 1) != 0, flipY = (transform & 2) != 0, transpose = (transform & 4) != 0;
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                var sx = flipX ? side - 1 - x : x;
                var sy = flipY ? side - 1 - y : y;
                if (transpose) (sx, sy) = (sy, sx);
                destination[(y * side) + x] = source[(sy * side) + sx];
            }
        }
    }
}
