using System.Globalization;
using Perrin.Nn.Models;
using Perrin.Simulation.Recipes;

namespace Perrin.Cli.Tests.Commands;

/// <summary>`perrin train` takes its settings from the recipe's training section; an option given on the command line wins.</summary>
public sealed class TrainRecipeSettingsTests
{
    private static string Recipe(TempFolder folder, string training)
    {
        var path = folder["beads.yaml"];
        File.WriteAllText(path, $$"""
            image: { width: 16, height: 16 }
            optics: { modality: fluorescence, na: 1.2, wavelength_nm: 600, medium_index: 1.33, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: sphere, count: 2, x: { uniform: [3, 13] }, y: { uniform: [3, 13] }, z: 0, radius_nm: 300, photons: 5000 }
            camera: { preset: ideal }
            labels: { form: heatmap, sigma_px: 1.5 }
            training: {{training}}
            seed: 2
            """);
        return path;
    }

    private const string Section = "{ model: unet, levels: [4, 8], loss: l1, epochs: 2, steps: 3, batch: 2, lr: 0.01, schedule: cosine, validation_batches: 1 }";

    [Fact]
    public void TheRecipeSetsEverySettingAndTheModelRecordsThem()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("train", Recipe(folder, Section), "-o", folder["m.safetensors"], "--threads", "1");
        Assert.True(code == 0, error);

        var loaded = ModelStore.Load(folder["m.safetensors"]);
        Assert.Equal([4, 8], ((UNetConfig)loaded.Config).Levels);
        var extra = loaded.Metadata.Extra;
        Assert.Equal("l1", extra["perrin.training.loss"]);
        Assert.Equal("2", extra["perrin.training.batch"]);
        Assert.Equal("2", extra["perrin.training.epochs"]);
        Assert.Equal("3", extra["perrin.training.steps_per_epoch"]);
        Assert.Equal("6", extra["perrin.training.steps"]);
        Assert.Equal("cosine", extra["perrin.training.schedule"]);
        Assert.Equal("4,8", extra["perrin.training.levels"]);

        var rows = File.ReadAllLines(folder["m.metrics.csv"]);
        Assert.Equal(3, rows.Length);
        Assert.Equal(0.01, double.Parse(rows[1].Split(',')[4], CultureInfo.InvariantCulture));
        Assert.Equal(0.01 * (1 + Math.Cos(Math.PI / 2)) / 2, double.Parse(rows[2].Split(',')[4], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AnOptionGivenOverridesTheRecipeAndTheRecordedRecipeSaysWhatWasUsed()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("train", Recipe(folder, Section), "-o", folder["m.safetensors"], "--threads", "1",
            "--batch", "3", "--epochs", "1", "--schedule", "constant", "--loss", "mse");
        Assert.True(code == 0, error);

        var loaded = ModelStore.Load(folder["m.safetensors"]);
        Assert.Equal("3", loaded.Metadata.Extra["perrin.training.batch"]);
        Assert.Equal("mse", loaded.Metadata.Extra["perrin.training.loss"]);
        var training = RecipeReader.Read(loaded.Metadata.Recipe!).Training!;
        Assert.Equal(3, training.Batch);
        Assert.Equal(1, training.Epochs);
        Assert.Equal(3, training.Steps);
        Assert.Equal("constant", training.Schedule);
        Assert.Equal("mse", training.Loss);
        Assert.Equal(0.01, training.LearningRate);
        Assert.Equal([4, 8], training.Levels!);
    }

    [Fact]
    public void AutoLossIsRecordedAsTheLossItChose()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("train", Recipe(folder, Section.Replace("loss: l1", "loss: auto", StringComparison.Ordinal)),
            "-o", folder["m.safetensors"], "--threads", "1", "--epochs", "1");
        Assert.True(code == 0, error);
        Assert.Equal("mse", ModelStore.Load(folder["m.safetensors"]).Metadata.Extra["perrin.training.loss"]);
    }

    [Theory]
    [InlineData("loss: l1", "loss: decode", "loss decode (--loss or training.loss): perrin train knows auto, bce, mse and l1")]
    [InlineData("model: unet", "model: cnn", "a CNN regressor cannot map images to label images; use unet")]
    [InlineData("lr: 0.01", "lr: { uniform: [0.1, 1] }", "beads.yaml, line 7, column 87: training.lr = { uniform: [0.1, 1] } must be a number in (0, 10), written as a plain constant")]
    public void SettingsPerrinTrainCannotUseAreUserErrors(string field, string replacement, string message)
    {
        using var folder = new TempFolder();
        var recipe = Recipe(folder, Section.Replace(field, replacement, StringComparison.Ordinal));

        var (code, _, error) = CliHarness.Run("train", recipe, "-o", folder["m.safetensors"], "--threads", "1");

        Assert.Equal(1, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["m.safetensors"]));
    }
}
