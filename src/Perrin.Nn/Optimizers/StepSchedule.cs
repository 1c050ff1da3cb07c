namespace Perrin.Nn.Optimizers;

/// <summary>The rate times γ every <c>stepSize</c> epochs, as StepLR.</summary>
public sealed class StepSchedule : LearningRateSchedule
{
    private readonly int _stepSize;
    private readonly double _gamma;

    public StepSchedule(double baseRate, int stepSize, double gamma = 0.1)
        : base(baseRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        if (!(gamma > 0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "StepSchedule: γ must be positive and finite.");
        _stepSize = stepSize;
        _gamma = gamma;
    }

    protected override double Next(int epoch, double previous, double? metric) => BaseRate * Math.Pow(_gamma, epoch / _stepSize);
}
