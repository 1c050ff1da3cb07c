using Perrin.Simulation.Recipes;

namespace Perrin.Simulation.Tests.Recipes;

/// <summary>Every recipe in examples/recipes is embedded byte for byte and reads as a valid recipe.</summary>
public class BuiltInRecipesTests
{
    private static string ExamplesFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Perrin.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Perrin.slnx not found above the test binaries"), "examples", "recipes");
    }

    [Fact]
    public void EveryExampleFileIsEmbeddedUnderItsName()
    {
        var files = Directory.GetFiles(ExamplesFolder(), "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(files);
        Assert.Equal(files, BuiltInRecipes.Names);
        foreach (var name in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(ExamplesFolder(), name + ".yaml")), BuiltInRecipes.Text(name));
        }
    }

    [Fact]
    public void EveryBuiltInRecipeParsesAndCarriesASummary()
    {
        foreach (var name in BuiltInRecipes.Names)
        {
            var recipe = BuiltInRecipes.Read(name);
            Assert.Equal(RecipeReader.Read(BuiltInRecipes.Text(name)!), recipe);
            Assert.NotEqual(string.Empty, BuiltInRecipes.Summary(name));
            Assert.DoesNotContain("#", BuiltInRecipes.Summary(name), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheSummaryIsTheFirstCommentLine() =>
        Assert.Equal("Dense iSCAT frames of diffusing nanoparticles near a coverslip, for training localization networks.", BuiltInRecipes.Summary("iscat-dense"));

    [Fact]
    public void AnUnknownNameHasNoText()
    {
        Assert.Null(BuiltInRecipes.Text("iscat-dens"));
        Assert.Throws<ArgumentException>(() => BuiltInRecipes.Read("iscat-dens"));
    }
}
