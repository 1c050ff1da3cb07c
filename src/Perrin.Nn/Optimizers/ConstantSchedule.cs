namespace Perrin.Nn.Optimizers;

/// <summary>The same rate every epoch.</summary>
public sealed class ConstantSchedule(double rate) : LearningRateSchedule(rate)
{
    protected override double Next(int epoch, double previous, double? metric) => BaseRate;
}
