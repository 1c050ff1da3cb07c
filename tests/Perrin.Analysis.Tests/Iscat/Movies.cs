using Perrin.Core.Imaging;
using Perrin.Core.Randomness;

namespace Perrin.Analysis.Tests.Iscat;

internal static class Movies
{
    public static ImageStack Make(int frames, int height, int width, Func<int, int, int, float> value)
    {
        var movie = new ImageStack(frames, height, width);
        for (var f = 0; f < frames; f++)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    movie.At(f, y, x) = value(f, y, x);
                }
            }
        }

        return movie;
    }

    public static ImageStack Random(int frames, int height, int width, ulong seed, bool integers = false)
    {
        var random = new RandomStream(seed, 2);
        return Make(frames, height, width, (_, _, _) =>
        {
            var v = random.Uniform(500, 1500);
            return integers ? MathF.Round((float)v) : (float)v;
        });
    }
}
