using Perrin.Core.IO;
using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Losses;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Tensors;
using Perrin.Nn.Training;

namespace Perrin.Nn.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("perrin-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Sequential Mlp(ulong seed) =>
        new(new Linear(2, 16, new RandomStream(seed, 1)), new Tanh(), new Linear(16, 1, new RandomStream(seed, 2)));

    private static Tensor MseLoss(Tensor output, Tensor target) => Loss.Mse(output, target);

    private (Sequential Model, Trainer Trainer) Setup(TrainerOptions options, ulong init = 5, IDataSource? source = null, double lr = 0.01)
    {
        var model = Mlp(init);
        var opt = new Adam(model.NamedParameters(), lr);
        var schedule = new CosineSchedule(lr, 4, lr / 10);
        return (model, new Trainer(model, opt, MseLoss, source ?? new RegressionSource(), options, schedule));
    }

    private static float[] Flatten(Module m)
    {
        var all = new List<float>();
        foreach (var (_, t) in m.NamedParameters()) all.AddRange(t.ToArray());
        return [.. all];
    }

    [Fact]
    public void MlpLearnsASyntheticRegression()
    {
        var reports = new List<TrainingProgress>();
        var options = new TrainerOptions
        {
            Epochs = 6, StepsPerEpoch = 60, BatchSize = 32, ValidationBatches = 4, Seed = 11, ClipNorm = 5f,
            MetricsPath = Path.Combine(_dir, "metrics.csv"), Progress = new SynchronousProgress(reports),
        };
        var (_, trainer) = Setup(options, lr: 0.02);
        var result = trainer.Run();
        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        Assert.True(result.BestLoss < 0.01, $"validation loss {result.BestLoss}");
        Assert.Equal(360, reports.Count);
        Assert.Equal(360, reports[^1].TotalSteps);
        Assert.Equal(360, reports[^1].Step);
        var lines = File.ReadAllLines(options.MetricsPath);
        Assert.Equal(7, lines.Length);
        Assert.Equal("epoch,step,train_loss,validation_loss,learning_rate,seconds", lines[0]);
        Assert.StartsWith("6,360,", lines[6], StringComparison.Ordinal);
    }

    [Fact]
    public void ResumingFromACheckpointIsBitIdentical()
    {
        var checkpoint = Path.Combine(_dir, "run.ckpt");
        TrainerOptions Options(int epochs, string? ckpt) => new()
        {
            Epochs = epochs, StepsPerEpoch = 15, BatchSize = 8, ValidationBatches = 2, Seed = 3, Threads = 2, DataWorkers = 2,
            CheckpointPath = ckpt, MetricsPath = ckpt is null ? null : Path.Combine(_dir, "m.csv"),
        };
        var (straight, t1) = Setup(Options(2, null));
        Assert.Equal(TrainingOutcome.Completed, t1.Run().Outcome);

        var (_, first) = Setup(Options(1, checkpoint));
        first.Run();
        var (resumed, second) = Setup(Options(2, checkpoint), init: 99);
        second.Resume(checkpoint);
        Assert.Equal(1, second.Epoch);
        Assert.Equal(15, second.Step);
        var result = second.Run();
        Assert.Equal(2, result.Epochs);
        Assert.Equal(Flatten(straight), Flatten(resumed));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(_dir, "m.csv")).Length);
    }

    [Fact]
    public void ResultsDoNotDependOnThreadsOrBuffering()
    {
        TrainerOptions Options(int threads, int workers) => new() { Epochs = 1, StepsPerEpoch = 10, BatchSize = 8, ValidationBatches = 1, Seed = 8, Threads = threads, DataWorkers = workers };
        var (a, ta) = Setup(Options(1, 0));
        ta.Run();
        var (b, tb) = Setup(Options(1, 3));
        tb.Run();
        Assert.Equal(Flatten(a), Flatten(b));
    }

    [Fact]
    public void NaNStopsTrainingAndKeepsTheLastGoodCheckpoint()
    {
        var checkpoint = Path.Combine(_dir, "nan.ckpt");
        var options = new TrainerOptions { Epochs = 3, StepsPerEpoch = 5, BatchSize = 4, ValidationBatches = 1, Seed = 2, CheckpointPath = checkpoint };
        var (_, trainer) = Setup(options, source: new RegressionSource(nanBatch: 7));
        var result = trainer.Run();
        Assert.Equal(TrainingOutcome.Diverged, result.Outcome);
        Assert.Contains("step 8 (epoch 2, step 3 of 5)", result.Message);
        Assert.Contains("NaN", result.Message);
        Assert.Contains(checkpoint, result.Message);
        Assert.Equal(1, result.Epochs);
        Assert.Equal(7, result.Steps);

        var (good, reference) = Setup(options with { Epochs = 1, CheckpointPath = null });
        reference.Run();
        var (restored, again) = Setup(options, init: 42);
        again.Resume(checkpoint);
        Assert.Equal(5, again.Step);
        Assert.Equal(Flatten(good), Flatten(restored));
    }

    [Fact]
    public void EarlyStoppingAfterPatienceEpochsWithoutImprovement()
    {
        var options = new TrainerOptions { Epochs = 10, StepsPerEpoch = 3, BatchSize = 4, ValidationBatches = 1, Seed = 1, EarlyStoppingPatience = 2 };
        var model = Mlp(1);
        var trainer = new Trainer(model, new Sgd(model.NamedParameters(), 0), MseLoss, new RegressionSource(), options);
        var result = trainer.Run();
        Assert.Equal(TrainingOutcome.EarlyStopped, result.Outcome);
        Assert.Equal(3, result.Epochs);
        Assert.Contains("2 epochs", result.Message);
    }

    [Fact]
    public void MismatchedOrDamagedCheckpointsAreRefused()
    {
        var checkpoint = Path.Combine(_dir, "c.ckpt");
        var options = new TrainerOptions { Epochs = 1, StepsPerEpoch = 2, BatchSize = 4, ValidationBatches = 0, Seed = 4, CheckpointPath = checkpoint };
        Setup(options).Trainer.Run();
        var e = Assert.Throws<InvalidOperationException>(() => Setup(options with { Seed = 5 }).Trainer.Resume(checkpoint));
        Assert.Contains("seed 4", e.Message);
        var other = new Sequential(new Linear(2, 8, new RandomStream(1, 1)), new Tanh(), new Linear(8, 1, new RandomStream(1, 2)));
        var wrong = new Trainer(other, new Adam(other.NamedParameters()), MseLoss, new RegressionSource(), options, new CosineSchedule(0.01, 4, 0.001));
        Assert.Contains("shape", Assert.Throws<InvalidOperationException>(() => wrong.Resume(checkpoint)).Message);
        var sgd = new Trainer(Mlp(1), new Sgd(Mlp(1).NamedParameters(), 0.1), MseLoss, new RegressionSource(), options);
        Assert.Contains("optimizer", Assert.Throws<InvalidOperationException>(() => sgd.Resume(checkpoint)).Message);
        var bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..(bytes.Length - 10)]);
        Assert.Throws<PerrinFormatException>(() => Setup(options).Trainer.Resume(checkpoint));
    }

    private sealed class SynchronousProgress(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => reports.Add(value);
    }
}
