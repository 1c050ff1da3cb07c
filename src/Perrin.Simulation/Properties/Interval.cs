namespace Perrin.Simulation.Properties;

/// <summary>The closed hull of the values a spec can produce; infinite ends for unbounded distributions.</summary>
public readonly record struct Interval(double Min, double Max)
{
    public static Interval Point(double value) => new(value, value);

    public static Interval Unbounded { get; } = new(double.NegativeInfinity, double.PositiveInfinity);
}
