using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

/// <summary>
/// How one property gets its value for a sample: a constant, a distribution drawn once per sample (or per copy
/// of a repeated feature), or an expression over other properties. Specs compare by value.
/// </summary>
public abstract record PropertySpec
{
    /// <summary>Paths of the properties this spec reads, as written (bare names are resolved by the graph).</summary>
    public virtual IReadOnlyList<string> References => [];

    /// <summary>The hull of the numbers the spec can produce; null when unknown before drawing or not numeric.</summary>
    public abstract Interval? Hull { get; }

    public static implicit operator PropertySpec(double value) => new ConstantSpec(PropertyValue.Of(value));

    public static implicit operator PropertySpec(bool value) => new ConstantSpec(PropertyValue.Of(value));

    public static PropertySpec FromDouble(double value) => value;

    public static PropertySpec FromBoolean(bool value) => value;

    /// <summary>Why the spec's own parameters are invalid (for instance a uniform with low ≥ high), or null.</summary>
    public abstract string? Check();

    /// <summary>Draws (or evaluates) the value from the property's own stream and the values of its references.</summary>
    public abstract PropertyValue Draw(RandomStream stream, ReadOnlySpan<double> references);

    internal static string Format(double value) => ValueRange.Format(value);
}
