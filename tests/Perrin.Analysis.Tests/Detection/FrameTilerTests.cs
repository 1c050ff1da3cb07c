using Perrin.Analysis.Detection;
using Perrin.Core.Imaging;
using Perrin.Core.Randomness;

namespace Perrin.Analysis.Tests.Detection;

public class FrameTilerTests
{
    /// <summary>A stand-in network: a 3×3 binomial blur with zero padding, receptive field radius 1.</summary>
    private static void Blur(ReadOnlySpan<float> input, int height, int width, Span<float> output)
    {
        float[] w = [0.25f, 0.5f, 0.25f];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var sum = 0f;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var ny = y + dy;
                        var nx = x + dx;
                        if ((uint)ny < (uint)height && (uint)nx < (uint)width)
                        {
                            sum += w[dy + 1] * w[dx + 1] * input[(ny * width) + nx];
                        }
                    }
                }

                output[(y * width) + x] = sum;
            }
        }
    }

    /// <summary>Two channels at twice the resolution: the blur repeated 2×2, and the input squared, repeated.</summary>
    private static void TwoChannelsUpsampled(ReadOnlySpan<float> input, int height, int width, Span<float> output)
    {
        var blurred = new float[height * width];
        Blur(input, height, width, blurred);
        var plane = 4 * height * width;
        for (var y = 0; y < 2 * height; y++)
        {
            for (var x = 0; x < 2 * width; x++)
            {
                var source = ((y / 2) * width) + (x / 2);
                output[(y * 2 * width) + x] = blurred[source];
                output[plane + (y * 2 * width) + x] = input[source] * input[source];
            }
        }
    }

    private static float[] RandomFrame(int height, int width, ulong seed)
    {
        var random = new RandomStream(seed, 1);
        var frame = new float[height * width];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (float)random.Uniform(0, 100);
        }

        return frame;
    }

    [Theory]
    [InlineData(64, 64, 16, 4)]
    [InlineData(37, 53, 16, 2)]
    [InlineData(17, 16, 16, 3)]
    [InlineData(5, 9, 16, 4)]
    [InlineData(100, 7, 12, 5)]
    public void TiledOutputEqualsUntiledOutputExactly(int height, int width, int tile, int overlap)
    {
        var frame = RandomFrame(height, width, (ulong)(height * 1000 + width));
        var whole = new float[height * width];
        Blur(frame, height, width, whole);
        var tiled = new float[height * width];
        new FrameTiler(height, width, tile, overlap).Run(frame, (t, o) => Blur(t, tile, tile, o), tiled);
        Assert.Equal(whole, tiled);
    }

    [Fact]
    public void MultiChannelUpsampledOutputsStitchExactly()
    {
        const int height = 45, width = 38, tile = 16;
        var frame = RandomFrame(height, width, 7);
        var whole = new float[2 * 4 * height * width];
        TwoChannelsUpsampled(frame, height, width, whole);
        var tiled = new float[whole.Length];
        new FrameTiler(height, width, tile, 4).Run(frame, (t, o) => TwoChannelsUpsampled(t, tile, tile, o), tiled, channels: 2, scale: 2);
        Assert.Equal(whole, tiled);
    }

    [Fact]
    public void WithoutOverlapTheSeamsDiffer()
    {
        var frame = RandomFrame(32, 32, 3);
        var whole = new float[32 * 32];
        Blur(frame, 32, 32, whole);
        var tiled = new float[32 * 32];
        new FrameTiler(32, 32, 16, 0).Run(frame, (t, o) => Blur(t, 16, 16, o), tiled);
        Assert.NotEqual(whole[(5 * 32) + 15], tiled[(5 * 32) + 15]);
        Assert.Equal(whole[(5 * 32) + 5], tiled[(5 * 32) + 5]);
    }

    [Fact]
    public void OwnedRegionsPartitionTheFrameAndKeepHalfTheOverlapFromInnerEdges()
    {
        for (var height = 1; height <= 70; height += 3)
        {
            for (var width = 1; width <= 70; width += 7)
            {
                for (var overlap = 0; overlap < 12; overlap += 3)
                {
                    var tiler = new FrameTiler(height, width, 12, overlap);
                    var owner = new int[height * width];
                    foreach (var t in tiler.Tiles)
                    {
                        Assert.True(t.OwnTop >= t.Top && t.OwnBottom <= t.Top + 12 && t.OwnLeft >= t.Left && t.OwnRight <= t.Left + 12);
                        Assert.True(t.OwnTop == 0 || t.OwnTop - t.Top >= overlap / 2);
                        Assert.True(t.OwnBottom == height || t.Top + 12 - t.OwnBottom >= overlap / 2);
                        Assert.True(t.OwnLeft == 0 || t.OwnLeft - t.Left >= overlap / 2);
                        Assert.True(t.OwnRight == width || t.Left + 12 - t.OwnRight >= overlap / 2);
                        for (var y = t.OwnTop; y < t.OwnBottom; y++)
                        {
                            for (var x = t.OwnLeft; x < t.OwnRight; x++)
                            {
                                owner[(y * width) + x]++;
                            }
                        }
                    }

                    Assert.All(owner, count => Assert.Equal(1, count));
                }
            }
        }
    }

    [Fact]
    public void AnEmitterOnATileSeamIsFoundOnce()
    {
        const int size = 40, tile = 16, overlap = 6;
        var tiler = new FrameTiler(size, size, tile, overlap);
        var seam = tiler.Tiles[0].OwnRight;
        var frame = new float[size * size];
        frame[(20 * size) + seam - 1] = 8f;
        frame[(20 * size) + seam] = 8f;
        var stitched = new float[size * size];
        tiler.Run(frame, (t, o) => Blur(t, tile, tile, o), stitched);
        var whole = new float[size * size];
        Blur(frame, size, size, whole);
        var decoder = new HeatmapDecoder(new HeatmapDecoderOptions { Threshold = 0.5f, MinDistance = 2 });
        var fromTiles = decoder.Decode(new ImageFrame(stitched, size, size), 0, 100);
        var loc = Assert.Single(fromTiles);
        Assert.InRange(loc.X, (seam - 0.5) * 100, (seam + 0.5) * 100);
        Assert.Equal(decoder.Decode(new ImageFrame(whole, size, size), 0, 100), fromTiles);
    }

    [Fact]
    public void ASmallFrameIsPaddedWithThePadValue()
    {
        var tiler = new FrameTiler(2, 3, 4, 1, padValue: -1f);
        var tile = Assert.Single(tiler.Tiles);
        Assert.Equal(new Tile(0, 0, 0, 2, 0, 3), tile);
        var buffer = new float[16];
        tiler.Extract([1, 2, 3, 4, 5, 6], tile, buffer);
        Assert.Equal([1, 2, 3, -1, 4, 5, 6, -1, -1, -1, -1, -1, -1, -1, -1, -1], buffer);
    }

    [Fact]
    public void BadSettingsAndBuffersAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameTiler(10, 10, 8, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameTiler(10, 10, 8, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrameTiler(0, 10, 8, 2));
        var tiler = new FrameTiler(10, 10, 8, 2);
        Assert.Throws<ArgumentException>(() => tiler.Run(new float[99], (t, o) => { }, new float[100]));
        Assert.Throws<ArgumentException>(() => tiler.Run(new float[100], (t, o) => { }, new float[99]));
    }
}
