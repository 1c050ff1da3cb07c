using Perrin.Analysis.Iscat;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Iscat;

public class DifferentialRollingAverageTests
{
    [Fact]
    public void HandComputedRatioAndDifference()
    {
        // Pixel 0 counts 1, 2, 3, 4, 5; pixel 1 stays at 10.
        var movie = Movies.Make(5, 1, 2, (f, _, x) => x == 0 ? f + 1 : 10);
        var ratio = DifferentialRollingAverage.Compute(movie, 2);
        Assert.Equal(2, ratio.FrameCount);
        Assert.Equal([(float)(2.0 / 1.5), 0f, 0.8f, 0f], ratio.Data.ToArray());
        var difference = DifferentialRollingAverage.Compute(movie, 2, DraMode.Difference);
        Assert.Equal([2f, 0f, 2f, 0f], difference.Data.ToArray());
    }

    [Fact]
    public void AConstantMovieGivesZero()
    {
        var random = Movies.Random(1, 3, 4, 11);
        var movie = Movies.Make(20, 3, 4, (_, y, x) => random.At(0, y, x));
        Assert.All(DifferentialRollingAverage.Compute(movie, 3).Data.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void AParticleAppearingAtFrameKGivesTheTriangularProfile()
    {
        const int b = 4, k0 = 10, n = 24;
        const double contrast = 0.5;
        var movie = Movies.Make(n, 1, 1, (f, _, _) => f >= k0 ? (float)(1 + contrast) : 1f);
        var dra = DifferentialRollingAverage.Compute(movie, b);
        Assert.Equal(n - (2 * b) + 1, dra.FrameCount);
        for (var k = 0; k < dra.FrameCount; k++)
        {
            var onEarlier = Math.Clamp(k + b - k0, 0, b);
            var onLater = Math.Clamp(k + (2 * b) - k0, 0, b);
            var first = (b + (contrast * onEarlier)) / b;
            var expected = (float)((((b + (contrast * onLater)) / b) - first) / first);
            Assert.Equal(expected, dra.Data[k]);
        }

        Assert.Equal((float)contrast, dra.Data[k0 - b]);
        Assert.Equal(0f, dra.Data[k0 - (2 * b)]);
        Assert.Equal(0f, dra.Data[k0]);
    }

    [Fact]
    public void OnCameraCountsTheRunningSumEqualsFreshSumsBitForBit()
    {
        const int b = 5;
        var movie = Movies.Random(40, 3, 3, 5, integers: true);
        var dra = DifferentialRollingAverage.Compute(movie, b);
        for (var k = 0; k < dra.FrameCount; k++)
        {
            for (var i = 0; i < 9; i++)
            {
                double earlier = 0, later = 0;
                for (var f = 0; f < b; f++)
                {
                    earlier += movie.Data[((k + f) * 9) + i];
                    later += movie.Data[((k + b + f) * 9) + i];
                }

                var first = earlier / b;
                Assert.Equal((float)(((later / b) - first) / first), dra.Data[(k * 9) + i]);
            }
        }
    }

    [Fact]
    public void StreamingEqualsBatchBitForBit()
    {
        var movie = Movies.Random(57, 6, 5, 9);
        foreach (var mode in new[] { DraMode.Ratio, DraMode.Difference })
        {
            var batch = DifferentialRollingAverage.Compute(movie, 7, mode);
            var stage = new DifferentialRollingAverageStage(6, 5, 7, mode);
            Assert.Equal(13, stage.Delay);
            var streamed = new List<float>();
            var reader = new StackReader(movie);
            var count = FrameStages.Run(stage, reader, (k, frame) => streamed.AddRange(frame.Pixels.ToArray()));
            Assert.Equal(batch.FrameCount, count);
            Assert.Equal(batch.Data.ToArray(), streamed.ToArray());
            Assert.Equal(57, reader.FramesRead);
        }
    }

    [Fact]
    public void TheStageEmitsNothingUntil2BFramesHaveGoneIn()
    {
        var stage = new DifferentialRollingAverageStage(1, 1, 3);
        var output = new float[1];
        var ready = Enumerable.Range(0, 8).Select(f => stage.Push([f + 1f], output)).ToArray();
        Assert.Equal([false, false, false, false, false, true, true, true], ready);
        Assert.Equal(0.75f, output[0]);
    }

    [Fact]
    public void BadInputGetsClearMessages()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DifferentialRollingAverageStage(4, 4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DifferentialRollingAverage.Compute(Movies.Random(4, 2, 2, 1), 0));

        var shortMovie = Movies.Random(9, 2, 2, 1);
        var batch = Assert.Throws<ArgumentException>(() => DifferentialRollingAverage.Compute(shortMovie, 5));
        Assert.Contains("at least 10 frames", batch.Message, StringComparison.Ordinal);
        var streamed = Assert.Throws<ArgumentException>(() => FrameStages.Run(new DifferentialRollingAverageStage(2, 2, 5), new StackReader(shortMovie), (_, _) => { }));
        Assert.Contains("at least 10 frames", streamed.Message, StringComparison.Ordinal);
        Assert.Contains("memory.tif", streamed.Message, StringComparison.Ordinal);

        var nan = Movies.Random(12, 2, 3, 1);
        nan.At(7, 1, 2) = float.NaN;
        var nanError = Assert.Throws<ArgumentException>(() => DifferentialRollingAverage.Compute(nan, 2));
        Assert.Contains("frame 7", nanError.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 1)", nanError.Message, StringComparison.Ordinal);

        var stage = new DifferentialRollingAverageStage(2, 3, 2);
        var size = Assert.Throws<ArgumentException>(() => stage.Push(new float[5], new float[6]));
        Assert.Contains("3×2", size.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => FrameStages.Apply(stage, new ImageStack(10, 3, 3)));
    }
}
