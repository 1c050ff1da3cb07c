using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

public sealed record ConstantSpec(PropertyValue Value) : PropertySpec
{
    public override Interval? Hull => Value.IsNumber ? Interval.Point(Value.Number) : null;

    public override string? Check() => Value.IsNumber && !double.IsFinite(Value.Number) ? $"{Value} is not a finite number" : null;

    public override PropertyValue Draw(RandomStream stream, ReadOnlySpan<double> references) => Value;

    public override string ToString() => Value.ToString();
}
