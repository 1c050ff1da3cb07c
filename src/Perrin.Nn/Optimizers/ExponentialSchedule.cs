namespace Perrin.Nn.Optimizers;

/// <summary>The rate times γ every epoch, as ExponentialLR.</summary>
public sealed class ExponentialSchedule : LearningRateSchedule
{
    private readonly double _gamma;

    public ExponentialSchedule(double baseRate, double gamma)
        : base(baseRate)
    {
        if (!(gamma > 0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "ExponentialSchedule: γ must be positive and finite.");
        _gamma = gamma;
    }

    protected override double Next(int epoch, double previous, double? metric) => BaseRate * Math.Pow(_gamma, epoch);
}
