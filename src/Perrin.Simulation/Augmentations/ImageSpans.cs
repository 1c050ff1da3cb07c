namespace Perrin.Simulation.Augmentations;

/// <summary>Argument checks shared by the augmentations.</summary>
internal static class ImageSpans
{
    public static void Check(ReadOnlySpan<float> source, int width, int height, Span<float> destination, long outputLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (source.Length < (long)width * height)
        {
            throw new ArgumentException($"the source holds {source.Length} pixels, not {width}×{height}", nameof(source));
        }

        if (destination.Length < outputLength)
        {
            throw new ArgumentException($"the destination holds {destination.Length} pixels, the output needs {outputLength}", nameof(destination));
        }
    }
}
