using System.Globalization;

namespace Perrin.Simulation.Properties;

/// <summary>The numbers a property accepts: bounds, each inclusive or not, and optionally integers only.</summary>
public sealed record ValueRange(double Min, double Max, bool MinInclusive = true, bool MaxInclusive = true, bool Integer = false)
{
    public static ValueRange Any { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    public static ValueRange Positive { get; } = new(0, double.PositiveInfinity, MinInclusive: false);

    public static ValueRange NonNegative { get; } = new(0, double.PositiveInfinity);

    public static ValueRange Between(double min, double max) => new(min, max);

    public static ValueRange Integers(double min, double max) => new(min, max, Integer: true);

    public bool Contains(double value) =>
        (MinInclusive ? value >= Min : value > Min)
        && (MaxInclusive ? value <= Max : value < Max)
        && (!Integer || Math.Floor(value) == value);

    /// <summary>Whether every value of the hull lies in the range (integrality is checked on draws, not hulls).</summary>
    public bool Contains(Interval hull) =>
        (MinInclusive ? hull.Min >= Min : hull.Min > Min) && (MaxInclusive ? hull.Max <= Max : hull.Max < Max);

    /// <summary>For messages: "a number > 0", "an integer in [1, 16384]".</summary>
    public override string ToString()
    {
        var what = Integer ? "an integer" : "a number";
        var hasMin = !double.IsNegativeInfinity(Min);
        var hasMax = !double.IsPositiveInfinity(Max);
        if (hasMin && hasMax)
        {
            return $"{what} in {(MinInclusive ? "[" : "(")}{Format(Min)}, {Format(Max)}{(MaxInclusive ? "]" : ")")}";
        }

        if (hasMin)
        {
            return $"{what} {(MinInclusive ? "≥" : ">")} {Format(Min)}";
        }

        return hasMax ? $"{what} {(MaxInclusive ? "≤" : "<")} {Format(Max)}" : what;
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
