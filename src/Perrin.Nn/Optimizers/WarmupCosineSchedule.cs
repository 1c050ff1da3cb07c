namespace Perrin.Nn.Optimizers;

/// <summary>
/// Linear warm-up then cosine annealing: epoch e &lt; W runs at η₀·(e + 1)/W, reaching η₀ in the last warm-up epoch;
/// then the rate follows a cosine from η₀ at epoch W to <c>minRate</c> at epoch <c>totalEpochs</c> and stays there.
/// </summary>
public sealed class WarmupCosineSchedule : LearningRateSchedule
{
    private readonly int _warmup;
    private readonly int _total;
    private readonly double _minRate;

    public WarmupCosineSchedule(double baseRate, int warmupEpochs, int totalEpochs, double minRate = 0)
        : base(baseRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(warmupEpochs, 0);
        if (totalEpochs <= warmupEpochs) throw new ArgumentOutOfRangeException(nameof(totalEpochs), totalEpochs, "WarmupCosineSchedule: the total must exceed the warm-up epochs.");
        if (!(minRate >= 0 && minRate <= baseRate)) throw new ArgumentOutOfRangeException(nameof(minRate), minRate, "WarmupCosineSchedule: the minimum rate must be in [0, base rate].");
        _warmup = warmupEpochs;
        _total = totalEpochs;
        _minRate = minRate;
        ImportState([0, RateAt(0)]);
    }

    protected override double Next(int epoch, double previous, double? metric) => RateAt(epoch);

    private double RateAt(int epoch)
    {
        if (epoch < _warmup) return BaseRate * (epoch + 1) / _warmup;
        if (epoch >= _total) return _minRate;
        return CosineSchedule.Cosine(BaseRate, _minRate, epoch - _warmup, _total - _warmup);
    }
}
