using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Losses;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Training;

namespace Perrin.Nn.Tests.Training;

/// <summary>Training from a replay pool: the same parameters for any worker and thread count, and after a resume.</summary>
public sealed class TrainerPoolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("perrin-pool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TrainerOptions Options(int epochs, int workers, int threads, string? checkpoint, ReplayPoolOptions? pool) => new()
    {
        Epochs = epochs, StepsPerEpoch = 10, BatchSize = 8, ValidationBatches = 1, Seed = 4, DataWorkers = workers, Threads = threads,
        CheckpointPath = checkpoint, Pool = pool,
    };

    private static (Sequential Model, Trainer Trainer) Setup(TrainerOptions options, ulong init = 5)
    {
        var model = new Sequential(new Linear(2, 8, new RandomStream(init, 1)), new Tanh(), new Linear(8, 1, new RandomStream(init, 2)));
        var optimizer = new Adam(model.NamedParameters(), 0.01);
        return (model, new Trainer(model, optimizer, (y, t) => Loss.Mse(y, t), new RegressionSource(), options, new CosineSchedule(0.01, 3)));
    }

    private static float[] Parameters(Module m) => [.. m.NamedParameters().SelectMany(p => p.Tensor.ToArray())];

    [Fact]
    public void ParametersDoNotDependOnWorkersOrThreads()
    {
        var pool = new ReplayPoolOptions(16, 3, true);
        var (reference, first) = Setup(Options(2, 0, 1, null, pool));
        Assert.Equal(TrainingOutcome.Completed, first.Run().Outcome);
        foreach (var (workers, threads) in new[] { (1, 1), (3, 2) })
        {
            var (model, trainer) = Setup(Options(2, workers, threads, null, pool));
            trainer.Run();
            Assert.Equal(Parameters(reference), Parameters(model));
        }

        var (withoutPool, plain) = Setup(Options(2, 1, 1, null, null));
        plain.Run();
        Assert.NotEqual(Parameters(reference), Parameters(withoutPool));
    }

    [Fact]
    public void AResumedRunEqualsTheUninterruptedOne()
    {
        var pool = new ReplayPoolOptions(12, 2, true);
        var checkpoint = Path.Combine(_dir, "pool.ckpt");
        var (straight, whole) = Setup(Options(3, 1, 1, null, pool));
        whole.Run();

        Setup(Options(1, 2, 1, checkpoint, pool)).Trainer.Run();
        var (resumed, second) = Setup(Options(3, 1, 1, checkpoint, pool), init: 77);
        second.Resume(checkpoint);
        second.Run();

        Assert.Equal(Parameters(straight), Parameters(resumed));
    }

    [Fact]
    public void ACheckpointResumesOnlyWithTheSamePool()
    {
        var checkpoint = Path.Combine(_dir, "pool.ckpt");
        Setup(Options(1, 1, 1, checkpoint, new ReplayPoolOptions(12, 2, true))).Trainer.Run();

        var other = Setup(Options(2, 1, 1, checkpoint, new ReplayPoolOptions(12, 3, true))).Trainer;
        Assert.Contains("replay pool", Assert.Throws<InvalidOperationException>(() => other.Resume(checkpoint)).Message, StringComparison.Ordinal);
        var none = Setup(Options(2, 1, 1, checkpoint, null)).Trainer;
        Assert.Throws<InvalidOperationException>(() => none.Resume(checkpoint));
    }
}
