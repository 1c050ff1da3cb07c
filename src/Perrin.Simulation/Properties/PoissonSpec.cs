using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

public sealed record PoissonSpec(double Mean) : PropertySpec
{
    /// <summary>Above this mean a Poisson count is no longer a count of anything a simulation could hold.</summary>
    public const double MaxMean = 1e15;

    public override Interval? Hull => new Interval(0, double.PositiveInfinity);

    public override string? Check() =>
        Mean >= 0 && Mean <= MaxMean ? null : $"poisson needs a mean in [0, {Format(MaxMean)}], not {Format(Mean)}";

    public override PropertyValue Draw(RandomStream stream, ReadOnlySpan<double> references) => PropertyValue.Of(stream.Poisson(Mean));
}
