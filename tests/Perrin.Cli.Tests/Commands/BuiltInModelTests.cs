using Perrin.Core.Tables;

namespace Perrin.Cli.Tests.Commands;

public sealed class BuiltInModelTests
{
    /// <summary>`perrin localize iscat-dense MOVIE` runs the model built into the binary when no file has that name.</summary>
    [Fact]
    public void LocalizeRunsTheBuiltInModelByName()
    {
        using var folder = new TempFolder();
        var movie = folder["movie.tif"];
        var (simulated, _, simulateError) = CliHarness.Run("simulate", ExampleRecipes.PathOf("iscat-dense.yaml"), "-n", "1", "-o", movie, "--seed", "9");
        Assert.True(simulated == 0, simulateError);

        var (code, _, error) = CliHarness.Run("localize", "iscat-dense", movie, "-o", folder["locs.csv"], "--threads", "1");

        Assert.True(code == 0, error);
        Assert.Contains("heatmap network", error, StringComparison.Ordinal);
        Assert.True(LocalizationTableIO.Read(folder["locs.csv"]).Count > 0);
    }

    [Fact]
    public void AnUnknownNameIsAMissingFileThatListsTheBuiltInModels()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("localize", "iscat-sparse", folder["movie.tif"], "-o", folder["locs.csv"]);
        Assert.Equal(1, code);
        Assert.Contains("iscat-sparse: no such model file (built-in models: iscat-dense)", error, StringComparison.Ordinal);
    }
}
