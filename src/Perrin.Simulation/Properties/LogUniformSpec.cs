using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

/// <summary>Log-uniform on [Low, High): the logarithm is uniform, so every decade is equally likely.</summary>
public sealed record LogUniformSpec(double Low, double High) : PropertySpec
{
    public override Interval? Hull => new Interval(Low, High);

    public override string? Check() =>
        double.IsFinite(Low) && double.IsFinite(High) && Low > 0 && Low < High
            ? null
            : $"log_uniform needs finite 0 < low < high, not [{Format(Low)}, {Format(High)}]";

    public override PropertyValue Draw(RandomStream stream, ReadOnlySpan<double> references)
    {
        var value = Math.Exp(stream.Uniform(Math.Log(Low), Math.Log(High)));
        // exp(log(x)) can round one ulp outside the bounds; the draw must stay inside them.
        return PropertyValue.Of(Math.Clamp(value, Low, High));
    }
}
