using Perrin.Cli.Bench;

namespace Perrin.Cli.Tests.Bench;

public sealed class NnBenchRoundsTests
{
    private static IReadOnlyList<NnBenchResult> Round(double train, double infer) =>
        [new NnBenchResult("unet-bench", 10, 8, train, infer)];

    private static TorchReferenceResult Torch(double train, double infer, double? peak) =>
        new("t", new Dictionary<string, NnBenchResult> { ["unet-bench"] = new("unet-bench", 10, 8, train, infer) }, peak);

    [Fact]
    public void MedianTakesTheMiddleOrTheMeanOfTheTwoMiddleValues()
    {
        Assert.Equal(3.0, NnBenchRounds.Median([5.0, 1.0, 3.0]));
        Assert.Equal(2.5, NnBenchRounds.Median([4.0, 1.0, 2.0, 3.0]));
        Assert.Throws<ArgumentException>(() => NnBenchRounds.Median([]));
    }

    [Fact]
    public void SpeedupIsTheMedianOfPairedRatiosNotTheRatioOfMedians()
    {
        var rounds = new NnBenchRounds();
        // A slow stretch hits both sides of round 2; pairing keeps its ratio at 2 like the others.
        rounds.Add(Round(100, 10), Torch(200, 30, 400));
        rounds.Add(Round(300, 10), Torch(600, 30, 500));
        rounds.Add(Round(110, 10), Torch(110, 30, null));
        Assert.Equal([2.0, 2.0, 1.0], rounds.Ratios("unet-bench", true)!);
        Assert.Equal(2.0, rounds.Speedup("unet-bench", true));
        Assert.Equal(3.0, rounds.Speedup("unet-bench", false));
        Assert.Equal(110, rounds.Ours[0].TrainStepMs);
        Assert.Equal(200, rounds.Torch!.Cases["unet-bench"].TrainStepMs);
        Assert.Equal(500, rounds.Torch.PeakResidentMb);
        Assert.Null(rounds.Ratios("cnn-bench", true));
    }

    [Fact]
    public void RoundsWithoutTheReferenceHaveNoRatios()
    {
        var rounds = new NnBenchRounds();
        rounds.Add(Round(100, 10), null);
        Assert.Null(rounds.Torch);
        Assert.Null(rounds.Speedup("unet-bench", true));
        Assert.Throws<InvalidOperationException>(() => rounds.Add(Round(100, 10), Torch(1, 1, null)));
    }
}
