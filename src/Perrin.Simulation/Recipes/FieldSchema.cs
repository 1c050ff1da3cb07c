using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Recipes;

/// <summary>One field a recipe section accepts: its kind, the values it allows, and what it means.</summary>
public sealed record FieldSchema(string Name, FieldKind Kind, string Description)
{
    /// <summary>The numbers allowed (Number, Integer, IndexedNumbers values).</summary>
    public ValueRange? Range { get; init; }

    /// <summary>The names allowed (Choice).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The keys allowed (IndexedNumbers).</summary>
    public ValueRange? KeyRange { get; init; }

    public bool Required { get; init; }

    public IReadOnlyList<FieldSchema> Children { get; init; } = [];

    public static FieldSchema Number(string name, ValueRange range, string description) => new(name, FieldKind.Number, description) { Range = range };

    public static FieldSchema Integer(string name, double min, double max, string description) =>
        new(name, FieldKind.Integer, description) { Range = ValueRange.Integers(min, max) };

    public static FieldSchema Choice(string name, string description, params string[] choices) => new(name, FieldKind.Choice, description) { Choices = choices };

    public static FieldSchema IntegerList(string name, double min, double max, string description) =>
        new(name, FieldKind.IntegerList, description) { Range = ValueRange.Integers(min, max) };

    public static FieldSchema AnyName(string name, string description) => new(name, FieldKind.Name, description);

    public static FieldSchema Boolean(string name, string description) => new(name, FieldKind.Boolean, description);

    public static FieldSchema Group(string name, string description, params FieldSchema[] children) => new(name, FieldKind.Group, description) { Children = children };
}
