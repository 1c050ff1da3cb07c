namespace Perrin.Cli.Tests;

/// <summary>The recipes shipped in examples/recipes, found from the test binaries' folder.</summary>
internal static class ExampleRecipes
{
    public static string PathOf(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Perrin.slnx")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("the repository root (Perrin.slnx) was not found above the test binaries")
            : Path.Combine(directory.FullName, "examples", "recipes", name);
    }
}
