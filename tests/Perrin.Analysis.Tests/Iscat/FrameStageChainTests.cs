using Perrin.Analysis.Iscat;

namespace Perrin.Analysis.Tests.Iscat;

public class FrameStageChainTests
{
    [Fact]
    public void AStreamedChainEqualsTheStepsAppliedOneAfterAnotherInMemory()
    {
        var movie = Movies.Random(30, 6, 7, 17);
        var chain = new FrameStageChain(
            new PowerNormalizationStage(6, 7),
            new DifferentialRollingAverageStage(6, 7, 4),
            new FixedPatternNoiseStage(6, 7, FpnAxis.Columns));
        Assert.Equal(7, chain.Delay);

        var streamed = new List<float>();
        var count = FrameStages.Run(chain, new StackReader(movie), (_, f) => streamed.AddRange(f.Pixels.ToArray()));

        var normalized = FrameStages.Apply(new PowerNormalizationStage(6, 7), movie);
        var dra = DifferentialRollingAverage.Compute(normalized, 4);
        var expected = FrameStages.Apply(new FixedPatternNoiseStage(6, 7, FpnAxis.Columns), dra);
        Assert.Equal(expected.FrameCount, count);
        Assert.Equal(expected.Data.ToArray(), streamed.ToArray());
    }

    [Fact]
    public void StagesOfDifferentSizesCannotBeChained()
    {
        var error = Assert.Throws<ArgumentException>(() => new FrameStageChain(new PowerNormalizationStage(4, 4), new PowerNormalizationStage(4, 5)));
        Assert.Contains("5×4", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FrameStageChain());
    }
}
