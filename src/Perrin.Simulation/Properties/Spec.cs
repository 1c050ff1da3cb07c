namespace Perrin.Simulation.Properties;

/// <summary>Short constructors for property specs in code, mirroring the YAML forms.</summary>
public static class Spec
{
    public static PropertySpec Constant(double value) => new ConstantSpec(PropertyValue.Of(value));

    public static PropertySpec Constant(bool value) => new ConstantSpec(PropertyValue.Of(value));

    /// <summary>A constant name or text (never an expression, whatever it starts with).</summary>
    public static PropertySpec Text(string value) => new ConstantSpec(PropertyValue.Of(value));

    public static PropertySpec Uniform(double low, double high) => new UniformSpec(low, high);

    public static PropertySpec LogUniform(double low, double high) => new LogUniformSpec(low, high);

    public static PropertySpec Normal(double mean, double sd, double? min = null, double? max = null) => new NormalSpec(mean, sd, min, max);

    public static PropertySpec IntegerUniform(long low, long high) => new IntegerUniformSpec(low, high);

    public static PropertySpec Poisson(double mean) => new PoissonSpec(mean);

    public static PropertySpec Choice(params double[] values) => new ChoiceSpec(new ValueList<PropertyValue>(values.Select(PropertyValue.Of)));

    public static PropertySpec Choice(IEnumerable<PropertyValue> values, IEnumerable<double>? weights = null) =>
        new ChoiceSpec(new ValueList<PropertyValue>(values), weights is null ? null : new ValueList<double>(weights));

    /// <summary>A derived value, e.g. <c>Spec.Expression("0.21 * optics.wavelength_nm / optics.na")</c>; a leading '=' is optional.</summary>
    public static PropertySpec Expression(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        return new ExpressionSpec(trimmed.StartsWith('=') ? trimmed[1..] : trimmed);
    }
}
