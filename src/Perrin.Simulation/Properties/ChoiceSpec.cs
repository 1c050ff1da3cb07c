using Perrin.Core.Randomness;

namespace Perrin.Simulation.Properties;

/// <summary>One of the values, equally likely or with the given (relative, not necessarily normalized) weights.</summary>
public sealed record ChoiceSpec(ValueList<PropertyValue> Values, ValueList<double>? Weights = null) : PropertySpec
{
    public const int MaxValues = 100_000;

    public override Interval? Hull
    {
        get
        {
            if (Values.Count == 0 || Values.Any(v => !v.IsNumber))
            {
                return null;
            }

            return new Interval(Values.Min(v => v.Number), Values.Max(v => v.Number));
        }
    }

    public override string? Check()
    {
        if (Values.Count is 0 or > MaxValues)
        {
            return $"choice needs between 1 and {MaxValues} values, not {Values.Count}";
        }

        if (Values.Any(v => v.IsNumber && !double.IsFinite(v.Number)))
        {
            return "choice values must be finite numbers";
        }

        if (Weights is null)
        {
            return null;
        }

        if (Weights.Count != Values.Count)
        {
            return $"choice has {Values.Count} values but {Weights.Count} weights";
        }

        var total = 0.0;
        foreach (var weight in Weights)
        {
            if (!(weight >= 0) || !double.IsFinite(weight))
            {
                return $"choice weights must be finite and not negative, not {Format(weight)}";
            }

            total += weight;
        }

        return total > 0 && double.IsFinite(total) ? null : "choice weights must have a positive, finite sum";
    }

    public override PropertyValue Draw(RandomStream stream, ReadOnlySpan<double> references)
    {
        if (Weights is null)
        {
            return Values[stream.NextInt(Values.Count)];
        }

        var total = 0.0;
        foreach (var weight in Weights)
        {
            total += weight;
        }

        var target = stream.NextDouble() * total;
        var last = 0;
        for (var i = 0; i < Values.Count; i++)
        {
            if (Weights[i] <= 0)
            {
                continue;
            }

            last = i;
            target -= Weights[i];
            if (target < 0)
            {
                return Values[i];
            }
        }

        return Values[last];
    }
}
