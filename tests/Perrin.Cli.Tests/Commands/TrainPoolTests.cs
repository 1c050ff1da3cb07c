using Perrin.Nn.Models;
using Perrin.Simulation.Recipes;

namespace Perrin.Cli.Tests.Commands;

/// <summary>`perrin train --pool`: the same model for any worker count, a resume equal to the straight run, and the pool recorded.</summary>
public sealed class TrainPoolTests
{
    private static string Recipe(TempFolder folder, string training = "{ levels: [4, 8], epochs: 2, steps: 3, batch: 2, validation_batches: 1, pool: 6, refresh: 2 }")
    {
        var path = folder["beads.yaml"];
        File.WriteAllText(path, $$"""
            image: { width: 16, height: 16 }
            optics: { modality: fluorescence, na: 1.2, wavelength_nm: 600, medium_index: 1.33, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: sphere, count: 2, x: { uniform: [3, 13] }, y: { uniform: [3, 13] }, z: 0, radius_nm: 300, photons: 5000 }
            camera: { preset: ideal }
            labels: { form: mask }
            training: {{training}}
            seed: 2
            """);
        return path;
    }

    [Fact]
    public void WorkersDoNotChangeTheModelAndThePoolIsRecorded()
    {
        using var one = new TempFolder();
        var (code, _, error) = CliHarness.Run("train", Recipe(one), "-o", one["m.safetensors"], "--threads", "1", "--workers", "1");
        Assert.True(code == 0, error);
        using var three = new TempFolder();
        Assert.Equal(0, CliHarness.Run("train", Recipe(three), "-o", three["m.safetensors"], "--threads", "2", "--workers", "3").ExitCode);

        Assert.Equal(File.ReadAllBytes(one["m.safetensors"]), File.ReadAllBytes(three["m.safetensors"]));
        var loaded = ModelStore.Load(one["m.safetensors"]);
        Assert.Equal("6", loaded.Metadata.Extra["perrin.training.pool"]);
        Assert.Equal("2", loaded.Metadata.Extra["perrin.training.refresh"]);
        Assert.Equal(6, RecipeReader.Read(loaded.Metadata.Recipe!).Training!.Pool);
    }

    [Fact]
    public void AResumedPoolRunEqualsTheStraightRun()
    {
        using var straight = new TempFolder();
        Assert.Equal(0, CliHarness.Run("train", Recipe(straight), "-o", straight["m.safetensors"], "--threads", "1").ExitCode);
        using var split = new TempFolder();
        var recipe = Recipe(split);
        Assert.Equal(0, CliHarness.Run("train", recipe, "-o", split["m.safetensors"], "--threads", "1", "--epochs", "1").ExitCode);
        var (code, _, error) = CliHarness.Run("train", recipe, "-o", split["m.safetensors"], "--threads", "1", "--resume");
        Assert.True(code == 0, error);

        Assert.Equal(File.ReadAllBytes(straight["m.safetensors"]), File.ReadAllBytes(split["m.safetensors"]));
    }

    [Fact]
    public void ThePoolChangesTheDataAndTheOptionOverridesTheRecipe()
    {
        using var pooled = new TempFolder();
        Assert.Equal(0, CliHarness.Run("train", Recipe(pooled), "-o", pooled["m.safetensors"], "--threads", "1", "--epochs", "1").ExitCode);
        using var larger = new TempFolder();
        Assert.Equal(0, CliHarness.Run("train", Recipe(larger), "-o", larger["m.safetensors"], "--threads", "1", "--epochs", "1", "--pool", "9").ExitCode);

        Assert.NotEqual(File.ReadAllBytes(pooled["m.safetensors"]), File.ReadAllBytes(larger["m.safetensors"]));
        Assert.Equal("9", ModelStore.Load(larger["m.safetensors"]).Metadata.Extra["perrin.training.pool"]);
    }

    [Fact]
    public void ARefreshWithoutAPoolOrLargerThanItIsAUserError()
    {
        using var folder = new TempFolder();
        var recipe = Recipe(folder, "{ levels: [4, 8], epochs: 1, steps: 1, batch: 2 }");
        var (code, _, error) = CliHarness.Run("train", recipe, "-o", folder["m.safetensors"], "--refresh", "2");
        Assert.Equal(1, code);
        Assert.Contains("give --pool (or training.pool) too", error, StringComparison.Ordinal);

        (code, _, error) = CliHarness.Run("train", recipe, "-o", folder["m.safetensors"], "--pool", "4", "--refresh", "5");
        Assert.Equal(1, code);
        Assert.Contains("--refresh (training.refresh) 0 to the pool size", error, StringComparison.Ordinal);
    }
}
