namespace Perrin.Nn.Optimizers;

/// <summary>
/// Cosine annealing from the base rate to <c>minRate</c> over <c>period</c> epochs, as CosineAnnealingLR's closed
/// form: η_min + (η₀ − η_min)(1 + cos(π·e/T))/2 (it rises again after T, as PyTorch's does).
/// </summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    private readonly int _period;
    private readonly double _minRate;

    public CosineSchedule(double baseRate, int period, double minRate = 0)
        : base(baseRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        if (!(minRate >= 0 && minRate <= baseRate)) throw new ArgumentOutOfRangeException(nameof(minRate), minRate, "CosineSchedule: the minimum rate must be in [0, base rate].");
        _period = period;
        _minRate = minRate;
    }

    protected override double Next(int epoch, double previous, double? metric) => Cosine(BaseRate, _minRate, epoch, _period);

    internal static double Cosine(double high, double low, double progress, double length) =>
        low + ((high - low) * (1 + Math.Cos(Math.PI * progress / length)) / 2);
}
