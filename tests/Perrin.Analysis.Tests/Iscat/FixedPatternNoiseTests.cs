using Perrin.Analysis.Iscat;

namespace Perrin.Analysis.Tests.Iscat;

public class FixedPatternNoiseTests
{
    private static float[] Correct(FpnAxis axis, int height, int width, float[] frame)
    {
        var output = new float[frame.Length];
        Assert.True(new FixedPatternNoiseStage(height, width, axis).Push(frame, output));
        return output;
    }

    [Fact]
    public void RowMediansAreSubtracted() =>
        Assert.Equal([-1f, 0f, 7f, 0f, 0f, 0f], Correct(FpnAxis.Rows, 2, 3, [1, 2, 9, 4, 4, 4]));

    [Fact]
    public void AnEvenCountUsesTheMeanOfTheMiddleTwo() =>
        Assert.Equal([-1.5f, 1.5f], Correct(FpnAxis.Columns, 2, 1, [1, 4]));

    [Fact]
    public void ColumnStripesAreRemovedAndAParticleIsKept()
    {
        const int height = 9, width = 12;
        var frame = new float[height * width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                frame[(y * width) + x] = 300 + ((x * 37) % 11) - 5;
            }
        }

        frame[(4 * width) + 6] += 25;
        frame[(5 * width) + 6] += 12;
        var corrected = Correct(FpnAxis.Columns, height, width, frame);
        for (var i = 0; i < corrected.Length; i++)
        {
            var expected = i == (4 * width) + 6 ? 25f : i == (5 * width) + 6 ? 12f : 0f;
            Assert.Equal(expected, corrected[i]);
        }
    }

    [Fact]
    public void BothAxesRemoveRowAndColumnStripesTogether()
    {
        const int height = 7, width = 10;
        var frame = new float[height * width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                frame[(y * width) + x] = (3 * y) + ((x * 5) % 7);
            }
        }

        Assert.All(Correct(FpnAxis.Both, height, width, frame), v => Assert.Equal(0f, v));
        Assert.Contains(Correct(FpnAxis.Columns, height, width, frame), v => v != 0f);
    }

    [Fact]
    public void StreamingOverAMovieEqualsFrameByFrame()
    {
        var movie = Movies.Random(6, 5, 8, 21);
        var streamed = new List<float>();
        FrameStages.Run(new FixedPatternNoiseStage(5, 8, FpnAxis.Both), new StackReader(movie), (_, f) => streamed.AddRange(f.Pixels.ToArray()));
        var single = new List<float>();
        for (var f = 0; f < 6; f++)
        {
            single.AddRange(Correct(FpnAxis.Both, 5, 8, movie[f].Pixels.ToArray()));
        }

        Assert.Equal(single, streamed);
    }

    [Fact]
    public void BadInputIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedPatternNoiseStage(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedPatternNoiseStage(4, 4, (FpnAxis)9));
        var error = Assert.Throws<ArgumentException>(() => Correct(FpnAxis.Rows, 1, 3, [1, float.PositiveInfinity, 2]));
        Assert.Contains("(1, 0)", error.Message, StringComparison.Ordinal);
    }
}
