using Perrin.Core.Randomness;
using Perrin.Simulation.Properties.Expressions;

namespace Perrin.Simulation.Properties;

/// <summary>
/// A value derived from other properties, written <c>"= expr"</c> in a recipe. <see cref="Text"/> is the
/// expression without the leading '='; two specs are equal when their texts are.
/// </summary>
public sealed record ExpressionSpec : PropertySpec
{
    private readonly Expression? _expression;
    private readonly string? _problem;

    public ExpressionSpec(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text.Trim();
        try
        {
            _expression = Expression.Parse(Text);
        }
        catch (PropertyException error)
        {
            _problem = $"bad expression '= {Text}': {error.Problem}";
        }
    }

    public string Text { get; }

    /// <summary>The parsed expression; null when <see cref="Check"/> reports a parse error.</summary>
    public Expression? Expression => _expression;

    public override IReadOnlyList<string> References => _expression?.References ?? [];

    public override Interval? Hull => null;

    public override string? Check() => _problem;

    public override PropertyValue Draw(RandomStream stream, ReadOnlySpan<double> references)
    {
        if (_expression is null)
        {
            throw new PropertyException(string.Empty, _problem!);
        }

        var value = _expression.Evaluate(references);
        if (!double.IsFinite(value))
        {
            throw new PropertyException(string.Empty, $"'= {Text}' evaluates to {Format(value)}");
        }

        return PropertyValue.Of(value);
    }

    public bool Equals(ExpressionSpec? other) => other is not null && Text == other.Text;

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => "= " + Text;
}
