using System.Globalization;
using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Losses;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Training;

namespace Perrin.Nn.Tests.Training;

public sealed class TrainerWarmupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("perrin-warmup-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private double[] Rates(int warmup, LearningRateSchedule? schedule)
    {
        var model = new Sequential(new Linear(2, 4, new RandomStream(1, 1)), new Tanh(), new Linear(4, 1, new RandomStream(1, 2)));
        var optimizer = new Adam(model.NamedParameters(), 0.01);
        var metrics = Path.Combine(_dir, $"m{warmup}{schedule?.GetType().Name}.csv");
        var options = new TrainerOptions { Epochs = 3, StepsPerEpoch = 4, BatchSize = 4, ValidationBatches = 1, WarmupSteps = warmup, MetricsPath = metrics };
        new Trainer(model, optimizer, (y, t) => Loss.Mse(y, t), new RegressionSource(), options, schedule).Run();
        return [.. File.ReadAllLines(metrics).Skip(1).Select(l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture))];
    }

    [Fact]
    public void TheRateRisesLinearlyOverTheWarmupStepsThenFollowsTheSchedule()
    {
        // The metrics row holds the rate of the epoch's last step: steps 4, 8 and 12 of a 10-step warm-up.
        Assert.Equal([0.01 * (4.0 / 10), 0.01 * (8.0 / 10), 0.01], Rates(10, null));
        var cosine = Rates(6, new CosineSchedule(0.01, 3));
        Assert.Equal(0.01 * (4.0 / 6), cosine[0]);
        Assert.Equal(0.01 * (1 + Math.Cos(Math.PI / 3)) / 2, cosine[1]);
        Assert.Equal(0.01 * (1 + Math.Cos(2 * Math.PI / 3)) / 2, cosine[2]);
    }

    [Fact]
    public void WithoutWarmupTheScheduleAloneSetsTheRate() => Assert.Equal([0.01, 0.01, 0.01], Rates(0, null));
}
