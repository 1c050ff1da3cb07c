using System.Runtime.CompilerServices;

namespace Perrin.Simulation.Augmentations;

/// <summary>
/// Bilinear interpolation between pixel centres with clamp-to-edge borders: a point outside the image takes the
/// value of the nearest edge, so a uniform background stays uniform after a warp instead of fading to zero.
/// </summary>
internal static class Bilinear
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sample(ReadOnlySpan<float> image, int width, int height, double x, double y)
    {
        x = Math.Clamp(x, 0, width - 1);
        y = Math.Clamp(y, 0, height - 1);
        var x0 = (int)x;
        var y0 = (int)y;
        var fx = (float)(x - x0);
        var fy = (float)(y - y0);
        var x1 = x0 + 1 < width ? x0 + 1 : x0;
        var row0 = y0 * width;
        var row1 = y0 + 1 < height ? row0 + width : row0;
        var top = image[row0 + x0] + (fx * (image[row0 + x1] - image[row0 + x0]));
        var bottom = image[row1 + x0] + (fx * (image[row1 + x1] - image[row1 + x0]));
        return top + (fy * (bottom - top));
    }
}
