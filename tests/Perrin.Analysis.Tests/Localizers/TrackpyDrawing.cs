using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Localizers;

/// <summary>The test images of trackpy's own test suite, drawn the way trackpy.artificial draws them.</summary>
internal static class TrackpyDrawing
{
    public static ImageFrame Filled(int height, int width, float value)
    {
        var pixels = new float[height * width];
        Array.Fill(pixels, value);
        return new ImageFrame(pixels, height, width);
    }

    /// <summary>
    /// draw_feature with a Gaussian: value·exp(−d²/size²) (so the radius of gyration is <paramref name="size"/>),
    /// evaluated at pixel centres within 2·size of the centre, truncated to an integer and added.
    /// </summary>
    public static void AddTrackpyGaussian(ImageFrame frame, double y, double x, double size, double maxValue)
    {
        var yFirst = Math.Max((int)Math.Floor(y - (2 * size)), 0);
        var yEnd = Math.Min((int)Math.Ceiling(y + (2 * size) + 1), frame.Height);
        var xFirst = Math.Max((int)Math.Floor(x - (2 * size)), 0);
        var xEnd = Math.Min((int)Math.Ceiling(x + (2 * size) + 1), frame.Width);
        for (var row = yFirst; row < yEnd; row++)
        {
            for (var col = xFirst; col < xEnd; col++)
            {
                var d2 = ((row - y) * (row - y)) + ((col - x) * (col - x));
                frame[row, col] += (float)Math.Truncate(maxValue * Math.Exp(-d2 / (size * size)));
            }
        }
    }

    /// <summary>A Gaussian spot of standard deviation sigma sampled at pixel centres, without rounding.</summary>
    public static void AddGaussian(ImageFrame frame, double y, double x, double sigma, double amplitude)
    {
        for (var row = 0; row < frame.Height; row++)
        {
            for (var col = 0; col < frame.Width; col++)
            {
                var d2 = ((row - y) * (row - y)) + ((col - x) * (col - x));
                frame[row, col] += (float)(amplitude * Math.Exp(-d2 / (2 * sigma * sigma)));
            }
        }
    }
}
