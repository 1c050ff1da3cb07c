using System.Reflection;
using System.Text;

namespace Perrin.Simulation.Recipes;

/// <summary>
/// The recipes shipped in examples/recipes, embedded in the library so that a name such as <c>iscat-dense</c>
/// works without the repository at hand.
/// </summary>
public static class BuiltInRecipes
{
    private const string Prefix = "Perrin.Simulation.Recipes.BuiltIn.";
    private const string Extension = ".yaml";

    private static readonly Assembly Library = typeof(BuiltInRecipes).Assembly;

    /// <summary>The names, in order, without the .yaml extension.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Library.GetManifestResourceNames()
            .Where(r => r.StartsWith(Prefix, StringComparison.Ordinal) && r.EndsWith(Extension, StringComparison.Ordinal))
            .Select(r => r[Prefix.Length..^Extension.Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The recipe's YAML text, or null when no built-in recipe has that name.</summary>
    public static string? Text(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Names.Contains(name))
        {
            return null;
        }

        using var stream = Library.GetManifestResourceStream(Prefix + name + Extension)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The first comment line of the recipe, which says what it is for; empty when it opens with none.</summary>
    public static string Summary(string name)
    {
        var text = Text(name) ?? throw new ArgumentException($"no built-in recipe is called '{name}'", nameof(name));
        var first = text.Split('\n', 2)[0].TrimEnd('\r');
        return first.StartsWith('#') ? first.TrimStart('#').Trim() : string.Empty;
    }

    /// <summary>The validated recipe; errors name it as <c>NAME (built-in)</c>.</summary>
    public static Recipe Read(string name)
    {
        var text = Text(name) ?? throw new ArgumentException($"no built-in recipe is called '{name}'", nameof(name));
        return RecipeReader.Read(text, $"{name} (built-in)");
    }
}
