namespace Perrin.Simulation.Properties;

/// <summary>
/// FNV-1a (64 bit) of a property path's UTF-8 bytes: a hash fixed forever, so that the substream of a property,
/// and therefore its draws, depend only on the seed, the sample index and the property's own path.
/// </summary>
public static class StablePathHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var hash = Offset;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                hash = (hash ^ buffer[i]) * Prime;
            }
        }

        return hash;
    }
}
