using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

/// <summary>Uniform on [Low, High).</summary>
public sealed record UniformSpec(double Low, double High) : PropertySpec
{
    public override Interval? Hull => new Interval(Low, High);

    public override string? Check() =>
        double.IsFinite(Low) && double.IsFinite(High) && Low < High ? null : $"uniform needs finite low < high, not [{Format(Low)}, {Format(High)}]";

    public override PropertyValue Draw(RandomStream stream, ReadOnlySpan<double> references) => PropertyValue.Of(stream.Uniform(Low, High));
}
