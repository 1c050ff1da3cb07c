using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Detection;

internal static class Maps
{
    public static ImageFrame Zero(int height, int width) => new(new float[height * width], height, width);

    public static ImageFrame From(float[,] values)
    {
        var height = values.GetLength(0);
        var width = values.GetLength(1);
        var frame = Zero(height, width);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                frame[y, x] = values[y, x];
            }
        }

        return frame;
    }

    public static ImageFrame With(int height, int width, params (int X, int Y, float Value)[] pixels)
    {
        var frame = Zero(height, width);
        foreach (var (x, y, v) in pixels)
        {
            frame[y, x] = v;
        }

        return frame;
    }
}
