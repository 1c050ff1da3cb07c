using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;

namespace Perrin.Cli.Tests;

/// <summary>Small seeded movies written with Perrin's TIFF writer, as inputs for the commands.</summary>
internal static class Movies
{
    public static float[] Write(string path, int frames, int height, int width, PixelType type, TiffWriteOptions? options = null, int seed = 7)
    {
        var random = new Random(seed);
        var (lo, hi) = type.IsFloatingPoint() ? (-1000.0, 1000.0) : PixelCodec.Range(type);
        var data = new float[frames * height * width];
        for (var i = 0; i < data.Length; i++)
        {
            var v = lo + (random.NextDouble() * (hi - lo));
            data[i] = type.IsFloatingPoint() ? (float)v : (float)Math.Round(v);
        }

        using var writer = TiffWriter.Create(path, width, height, type, options);
        var stack = new ImageStack(frames, height, width, data);
        stack.WriteTo(writer);
        writer.Complete();
        return data;
    }

    public static float[] ReadAll(string path)
    {
        using var reader = Perrin.Core.IO.MovieFile.OpenReader(path);
        return ImageStack.Read(reader).Data.ToArray();
    }
}
