namespace Perrin.Simulation.Optics;

/// <summary>The part of a square patch, placed with its first pixel at (Left, Top), that lies inside an image.</summary>
internal readonly record struct ImageWindow(int FirstColumn, int EndColumn, int FirstRow, int EndRow)
{
    public bool IsEmpty => FirstColumn >= EndColumn || FirstRow >= EndRow;

    public static ImageWindow Clip(long left, long top, long size, int width, int height)
    {
        long firstColumn = Math.Max(left, 0);
        long endColumn = Math.Min(left + size, width);
        long firstRow = Math.Max(top, 0);
        long endRow = Math.Min(top + size, height);
        if (firstColumn >= endColumn || firstRow >= endRow)
        {
            return default;
        }

        return new ImageWindow((int)firstColumn, (int)endColumn, (int)firstRow, (int)endRow);
    }

    public static void RequireImage(int spanLength, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if ((long)width * height != spanLength)
        {
            throw new ArgumentException($"The image holds {spanLength} pixels, but width × height is {(long)width * height}.", "image");
        }
    }

    /// <summary>The pixel nearest a coordinate, as a long so that far-away points cannot overflow.</summary>
    public static long Nearest(double coordinate)
    {
        if (!double.IsFinite(coordinate))
        {
            throw new ArgumentException($"Point coordinates must be finite, got {coordinate}.", nameof(coordinate));
        }

        return (long)Math.Floor(Math.Clamp(coordinate, -1e15, 1e15) + 0.5);
    }
}
