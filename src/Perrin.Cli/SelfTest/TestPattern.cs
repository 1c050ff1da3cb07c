using Perrin.Core.Imaging;
using Perrin.Core.Randomness;

namespace Perrin.Cli.SelfTest;

/// <summary>
/// A seeded test movie for exercising the file pipeline: Gaussian spots on a random walk over a flat background
/// with Gaussian noise. It is a test pattern with known spot centres, not a physical simulation of a microscope.
/// </summary>
internal sealed class TestPattern
{
    public TestPattern(int frames, int side, int spots, double pixelSizeNm, double frameIntervalS, int seed)
    {
        Frames = frames;
        Side = side;
        Spots = spots;
        PixelSizeNm = pixelSizeNm;
        FrameIntervalS = frameIntervalS;
        Seed = seed;
    }

    public int Frames { get; }

    public int Side { get; }

    public int Spots { get; }

    public double PixelSizeNm { get; }

    public double FrameIntervalS { get; }

    public int Seed { get; }

    /// <summary>The movie and, per frame, the spot centres in pixels with (0, 0) at the centre of the first pixel.</summary>
    public (ImageStack Movie, List<(int Frame, double X, double Y, double Photons)> Truth) Render()
    {
        const double sigma = 1.3;
        const double background = 100;
        const double noise = 4;
        var random = new RandomStream((ulong)Seed, 0);
        var stack = new ImageStack(Frames, Side, Side, new StackMetadata { PixelSizeNm = PixelSizeNm, FrameIntervalS = FrameIntervalS, Description = "perrin demo test pattern" });
        var truth = new List<(int, double, double, double)>();
        var x = new double[Spots];
        var y = new double[Spots];
        var amplitude = new double[Spots];
        for (var s = 0; s < Spots; s++)
        {
            x[s] = 8 + (random.NextDouble() * (Side - 16));
            y[s] = 8 + (random.NextDouble() * (Side - 16));
            amplitude[s] = 200 + (random.NextDouble() * 800);
        }

        for (var f = 0; f < Frames; f++)
        {
            var frame = stack[f];
            for (var i = 0; i < frame.Pixels.Length; i++)
            {
                frame.Pixels[i] = (float)(background + (noise * random.Normal()));
            }

            for (var s = 0; s < Spots; s++)
            {
                x[s] = Math.Clamp(x[s] + (0.6 * random.Normal()), 4, Side - 5);
                y[s] = Math.Clamp(y[s] + (0.6 * random.Normal()), 4, Side - 5);
                Stamp(frame, x[s], y[s], amplitude[s], sigma);
                truth.Add((f, x[s], y[s], amplitude[s] * 2 * Math.PI * sigma * sigma));
            }
        }

        return (stack, truth);
    }

    private static void Stamp(ImageFrame frame, double cx, double cy, double amplitude, double sigma)
    {
        var reach = (int)Math.Ceiling(4 * sigma);
        for (var row = Math.Max(0, (int)cy - reach); row <= Math.Min(frame.Height - 1, (int)cy + reach); row++)
        {
            for (var col = Math.Max(0, (int)cx - reach); col <= Math.Min(frame.Width - 1, (int)cx + reach); col++)
            {
                var r2 = ((col - cx) * (col - cx)) + ((row - cy) * (row - cy));
                frame[row, col] += (float)(amplitude * Math.Exp(-r2 / (2 * sigma * sigma)));
            }
        }
    }
}
