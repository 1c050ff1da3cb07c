using Perrin.Analysis.Iscat;

namespace Perrin.Analysis.Tests.Iscat;

public class BackgroundTests
{
    [Fact]
    public void TheTemporalMedianFollowsNumpy()
    {
        var odd = Movies.Make(3, 1, 2, (f, _, x) => new[,] { { 1f, 5f }, { 3f, 2f }, { 2f, 9f } }[f, x]);
        Assert.Equal([2f, 5f], TemporalMedian.Compute(odd));
        var even = Movies.Make(4, 1, 1, (f, _, _) => new[] { 4f, 1f, 7f, 2f }[f]);
        Assert.Equal([3f], TemporalMedian.Compute(even));
    }

    [Fact]
    public void TheBandedMedianOfAReaderEqualsTheInMemoryOne()
    {
        var movie = Movies.Random(15, 7, 6, 4);
        var reader = new StackReader(movie);
        var banded = TemporalMedian.Compute(reader, memoryBudgetBytes: 15 * 6 * 4 * 2);
        Assert.Equal(TemporalMedian.Compute(movie), banded);
        Assert.Equal(15 * 4, reader.FramesRead);
    }

    [Fact]
    public void ATransientParticleDoesNotEnterTheMedian()
    {
        var movie = Movies.Make(9, 2, 2, (f, y, x) => 100 + (10 * y) + x + (f is 3 or 4 && x == 1 && y == 1 ? 50 : 0));
        var background = TemporalMedian.Compute(movie);
        Assert.Equal([100f, 101f, 110f, 111f], background);
        var corrected = FrameStages.Apply(new StaticBackgroundStage(background, 2, 2, BackgroundCorrection.Subtract), movie);
        Assert.Equal([0f, 0f, 0f, 50f], corrected[3].Pixels.ToArray());
        var contrast = FrameStages.Apply(new StaticBackgroundStage(background, 2, 2), movie);
        Assert.Equal((float)((161.0 / 111) - 1), contrast[4][1, 1]);
    }

    [Fact]
    public void TheRollingMedianCorrectsTheCentreFrameOfEachWindow()
    {
        var movie = Movies.Make(5, 1, 1, (f, _, _) => new[] { 1f, 5f, 2f, 8f, 3f }[f]);
        var subtract = FrameStages.Apply(new RollingMedianBackgroundStage(1, 1, 3, BackgroundCorrection.Subtract), movie);
        Assert.Equal([3f, -3f, 5f], subtract.Data.ToArray());
        var ratio = FrameStages.Apply(new RollingMedianBackgroundStage(1, 1, 3), movie);
        Assert.Equal([1.5f, (float)((2.0 / 5) - 1), (float)((8.0 / 3) - 1)], ratio.Data.ToArray());
    }

    [Fact]
    public void BadInputIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingMedianBackgroundStage(2, 2, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingMedianBackgroundStage(2, 2, 0));
        Assert.Throws<ArgumentException>(() => new StaticBackgroundStage(new float[3], 2, 2));
        Assert.Throws<ArgumentException>(() => TemporalMedian.Compute(new Perrin.Core.Imaging.ImageStack(0, 2, 2)));
        var nan = Movies.Random(3, 2, 2, 1);
        nan.At(2, 0, 1) = float.NaN;
        Assert.Contains("frame 2", Assert.Throws<ArgumentException>(() => TemporalMedian.Compute(new StackReader(nan))).Message, StringComparison.Ordinal);
        var tooShort = Assert.Throws<ArgumentException>(() => FrameStages.Apply(new RollingMedianBackgroundStage(2, 2, 5), Movies.Random(4, 2, 2, 1)));
        Assert.Contains("at least 5 frames", tooShort.Message, StringComparison.Ordinal);
    }
}
