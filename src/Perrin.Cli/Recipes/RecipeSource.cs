using Perrin.Simulation.Recipes;

namespace Perrin.Cli.Recipes;

/// <summary>
/// Finds the recipe a command was given: a file when one exists at that path, else the built-in recipe of that
/// name (with or without .yaml). A path always wins, so a user's edited copy is never shadowed.
/// </summary>
internal static class RecipeSource
{
    public static Recipe Read(string pathOrName)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrName);
        if (File.Exists(pathOrName))
        {
            return RecipeReader.ReadFile(pathOrName);
        }

        return BuiltInRecipes.Read(BuiltInName(pathOrName) ?? throw NotFound(pathOrName));
    }

    /// <summary>The built-in recipe <paramref name="name"/> stands for, or null.</summary>
    public static string? BuiltInName(string name)
    {
        var bare = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? name[..^".yaml".Length] : name;
        return BuiltInRecipes.Names.Contains(bare) ? bare : null;
    }

    public static UserInputException NotFound(string pathOrName) =>
        new($"{pathOrName}: no such recipe file, and no built-in recipe of that name; the built-in ones are {string.Join(", ", BuiltInRecipes.Names)} (perrin recipes lists them)");
}
