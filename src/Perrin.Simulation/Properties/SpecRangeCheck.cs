namespace Perrin.Simulation.Properties;

/// <summary>Whether a spec can only produce values a range accepts, checked before anything is drawn.</summary>
internal static class SpecRangeCheck
{
    /// <summary>What is wrong, phrased to follow "path = spec", or null when the spec fits the range (or can only be checked when drawn).</summary>
    public static string? Problem(PropertySpec spec, ValueRange range)
    {
        switch (spec)
        {
            case ExpressionSpec or DensitySpec:
                return null;
            case ConstantSpec constant:
                return constant.Value.IsNumber && range.Contains(constant.Value.Number) ? null : $"must be {range}";
            case PoissonSpec poisson:
                return range.Contains(0) && poisson.Mean <= range.Max ? null : $"has values outside the allowed range: it must be {range}";
            case ChoiceSpec choice:
                return choice.Values.All(v => v.IsNumber && range.Contains(v.Number)) ? null : $"has values outside the allowed range: it must be {range}";
            case UniformSpec or LogUniformSpec or NormalSpec when range.Integer:
                return $"draws non-integers, but it must be {range}: use integer_uniform, poisson or choice";
            case NormalSpec { IsTruncated: false } when !double.IsInfinity(range.Min) || !double.IsInfinity(range.Max):
                return $"can take any value, but it must be {range}: truncate the normal with min and max";
            default:
                return spec.Hull is { } hull && range.Contains(hull) ? null : $"can take values outside the allowed range: it must be {range}";
        }
    }
}
