using Perrin.Core.Randomness;

namespace Perrin.Simulation.Tests.Augmentations;

internal static class TestImages
{
    public static float[] Random(int width, int height, ulong seed = 5)
    {
        var random = new RandomStream(seed, 0);
        var image = new float[width * height];
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = (float)random.Uniform(-10, 100);
        }

        return image;
    }

    /// <summary>Intensity-weighted mean position (pixel-centre convention) of an image.</summary>
    public static (double X, double Y, double Sum) Centroid(ReadOnlySpan<float> image, int width, int height)
    {
        double sum = 0, sx = 0, sy = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                double v = image[(y * width) + x];
                sum += v;
                sx += v * x;
                sy += v * y;
            }
        }

        return (sx / sum, sy / sum, sum);
    }
}
