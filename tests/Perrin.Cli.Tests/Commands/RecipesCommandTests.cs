using Perrin.Simulation.Recipes;

namespace Perrin.Cli.Tests.Commands;

/// <summary>`perrin recipes`, and built-in recipe names wherever a command takes a recipe.</summary>
public sealed class RecipesCommandTests
{
    [Fact]
    public void ListsEveryBuiltInRecipeWithItsSummary()
    {
        var (code, output, error) = CliHarness.Run("recipes");

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(BuiltInRecipes.Names.Count, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("iscat-dense ", StringComparison.Ordinal) && l.EndsWith("for training localization networks.", StringComparison.Ordinal));
    }

    [Fact]
    public void PrintsARecipeExactlyAsShipped()
    {
        var (code, output, error) = CliHarness.Run("recipes", "smlm-dense");

        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllText(ExampleRecipes.PathOf("smlm-dense.yaml")), output);
    }

    [Fact]
    public void SimulateTakesABuiltInName()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("simulate", "smlm-dense", "-n", "1", "-o", folder["a.tif"]);
        Assert.True(code == 0, error);
        Assert.Equal(0, CliHarness.Run("simulate", ExampleRecipes.PathOf("smlm-dense.yaml"), "-n", "1", "-o", folder["b.tif"]).ExitCode);

        Assert.Equal(Movies.ReadAll(folder["b.tif"]), Movies.ReadAll(folder["a.tif"]));
    }

    [Fact]
    public void AFileOfThatNameWins()
    {
        using var folder = new TempFolder();
        var path = folder["smlm-dense"];
        File.WriteAllText(path, "image: { width: 0, height: 8 }\n");

        var (code, _, error) = CliHarness.Run("simulate", path, "-o", folder["a.tif"]);

        Assert.Equal(1, code);
        Assert.Contains($"{path}, line 1", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recipes", "iscat-dens")]
    [InlineData("simulate", "iscat-dens", "-o", "x.tif")]
    [InlineData("train", "iscat-dens", "-o", "x.safetensors")]
    public void NeitherAFileNorABuiltInNameIsAUserError(params string[] args)
    {
        var (code, _, error) = CliHarness.Run(args);

        Assert.Equal(1, code);
        Assert.Contains("iscat-dens: no such recipe file, and no built-in recipe of that name; the built-in ones are ", error, StringComparison.Ordinal);
        Assert.Contains("iscat-dense", error, StringComparison.Ordinal);
    }
}
