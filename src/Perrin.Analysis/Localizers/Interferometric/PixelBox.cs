namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>A rectangle of a frame's pixels, clipped to the frame: first column and row, and size.</summary>
internal readonly record struct PixelBox(int Left, int Top, int Width, int Height)
{
    public int Area => Width * Height;

    /// <summary>The pixels within <paramref name="radius"/> of the pixel nearest (x, y), inside a width × height frame.</summary>
    public static PixelBox Around(double x, double y, int radius, int width, int height)
    {
        var cx = (long)Math.Round(x);
        var cy = (long)Math.Round(y);
        var left = Math.Clamp(cx - radius, 0, width);
        var top = Math.Clamp(cy - radius, 0, height);
        var right = Math.Clamp(cx + radius + 1, 0, width);
        var bottom = Math.Clamp(cy + radius + 1, 0, height);
        return new PixelBox((int)left, (int)top, (int)(right - left), (int)(bottom - top));
    }
}
