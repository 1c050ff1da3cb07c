using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

/// <summary>Uniform on the integers Low, Low + 1, …, High (both included).</summary>
public sealed record IntegerUniformSpec(long Low, long High) : PropertySpec
{
    public override Interval? Hull => new Interval(Low, High);

    public override string? Check() =>
        Low <= High && High - Low < int.MaxValue
            ? null
            : $"integer_uniform needs low ≤ high with fewer than 2³¹ values, not [{Low}, {High}]";

    public override PropertyValue Draw(RandomStream stream, ReadOnlySpan<double> references) =>
        PropertyValue.Of(Low + stream.NextInt((int)(High - Low + 1)));
}
