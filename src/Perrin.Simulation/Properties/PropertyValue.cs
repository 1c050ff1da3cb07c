using System.Globalization;

namespace Perrin.Simulation.Properties;

/// <summary>One resolved property value: a number, a string, a boolean or a list of values.</summary>
public readonly record struct PropertyValue
{
    private PropertyValue(PropertyValueKind kind, double number, string? text, ValueList<PropertyValue>? list)
    {
        Kind = kind;
        Number = number;
        Text = text;
        List = list;
    }

    public PropertyValueKind Kind { get; }

    /// <summary>The number; for a boolean, 1 or 0; NaN for text and lists.</summary>
    public double Number { get; }

    public string? Text { get; }

    public ValueList<PropertyValue>? List { get; }

    public bool IsNumber => Kind == PropertyValueKind.Number;

    public bool Boolean => Kind == PropertyValueKind.Boolean && Number != 0;

    public static PropertyValue Of(double number) => new(PropertyValueKind.Number, number, null, null);

    public static PropertyValue Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(PropertyValueKind.Text, double.NaN, text, null);
    }

    public static PropertyValue Of(bool value) => new(PropertyValueKind.Boolean, value ? 1 : 0, null, null);

    public static PropertyValue Of(IEnumerable<PropertyValue> items) =>
        new(PropertyValueKind.List, double.NaN, null, new ValueList<PropertyValue>(items));

    public override string ToString() => Kind switch
    {
        PropertyValueKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        PropertyValueKind.Text => Text!,
        PropertyValueKind.Boolean => Boolean ? "true" : "false",
        _ => List!.ToString(),
    };
}
