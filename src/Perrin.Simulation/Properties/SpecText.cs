using System.Text;
using System.Text.RegularExpressions;

namespace Perrin.Simulation.Properties;

/// <summary>
/// The canonical YAML (flow style) spelling of a spec, as recipes write it: <c>1.4</c>, <c>{ uniform: [0, 64] }</c>,
/// <c>"= 0.21 * optics.wavelength_nm / optics.na"</c>. Used for recipe files and for messages.
/// </summary>
public static partial class SpecText
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    };

    public static string Describe(PropertySpec spec) => spec switch
    {
        ConstantSpec c => Value(c.Value),
        UniformSpec u => $"{{ uniform: [{Number(u.Low)}, {Number(u.High)}] }}",
        LogUniformSpec l => $"{{ log_uniform: [{Number(l.Low)}, {Number(l.High)}] }}",
        IntegerUniformSpec i => $"{{ integer_uniform: [{i.Low}, {i.High}] }}",
        NormalSpec n => $"{{ normal: {{ mean: {Number(n.Mean)}, sd: {Number(n.Sd)}{Bound("min", n.Min)}{Bound("max", n.Max)} }} }}",
        PoissonSpec p => $"{{ poisson: {{ mean: {Number(p.Mean)} }} }}",
        ChoiceSpec c when c.Weights is null => $"{{ choice: {List(c.Values)} }}",
        ChoiceSpec c => $"{{ choice: {{ values: {List(c.Values)}, weights: [{string.Join(", ", c.Weights!.Select(Number))}] }} }}",
        DensitySpec d => $"{{ density_per_um2: {Number(d.PerUm2)} }}",
        ExpressionSpec e => Quote("= " + e.Text),
        _ => throw new ArgumentException($"no YAML spelling for {spec.GetType().Name}", nameof(spec)),
    };

    public static string Value(PropertyValue value) => value.Kind switch
    {
        PropertyValueKind.Number => Number(value.Number),
        PropertyValueKind.Boolean => value.Boolean ? "true" : "false",
        PropertyValueKind.Text => Text(value.Text!),
        _ => List(value.List!),
    };

    public static string Number(double value) => ValueRange.Format(value);

    /// <summary>A string as a YAML scalar: plain when it reads back as the same string, double-quoted otherwise.</summary>
    public static string Text(string text) =>
        PlainWord().IsMatch(text) && !ReservedWords.Contains(text) ? text : Quote(text);

    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\t' => quoted.Append("\\t"),
                '\r' => quoted.Append("\\r"),
                _ when char.IsControl(c) || c == '\uFEFF' || c is '\u2028' or '\u2029' or '\u0085' => quoted.Append($"\\u{(int)c:X4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    private static string List(IEnumerable<PropertyValue> values) => "[" + string.Join(", ", values.Select(Value)) + "]";

    private static string Bound(string name, double? value) => value is { } v ? $", {name}: {Number(v)}" : string.Empty;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex PlainWord();
}
