using Perrin.Nn.Models;

namespace Perrin.Cli.Tests;

public sealed class TrainCommandTests
{
    private static string Recipe(TempFolder folder, string labels = "{ form: mask }")
    {
        var path = folder["beads.yaml"];
        File.WriteAllText(path, $$"""
            image: { width: 16, height: 16 }
            optics: { modality: fluorescence, na: 1.2, wavelength_nm: 600, medium_index: 1.33, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: sphere, count: 2, x: { uniform: [3, 13] }, y: { uniform: [3, 13] }, z: 0, radius_nm: 300, photons: 5000 }
            camera: { preset: ideal }
            labels: {{labels}}
            seed: 2
            """);
        return path;
    }

    private static string[] Args(TempFolder folder, string recipe, int epochs, params string[] extra) =>
        ["train", recipe, "-o", folder["m.safetensors"], "--levels", "4,8", "--epochs", epochs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--steps", "3", "--batch", "2", "--threads", "1", "--validation-batches", "1", .. extra];

    [Fact]
    public void TrainsSavesAModelWithItsRecipeAndResumesFromTheCheckpoint()
    {
        using var folder = new TempFolder();
        var recipe = Recipe(folder);
        var (code, _, error) = CliHarness.Run(Args(folder, recipe, 1));
        Assert.True(code == 0, error);
        Assert.True(File.Exists(folder["m.ckpt.safetensors"]));
        Assert.Equal(2, File.ReadAllLines(folder["m.metrics.csv"]).Length);

        (code, _, error) = CliHarness.Run(Args(folder, recipe, 2, "--resume"));
        Assert.True(code == 0, error);
        var rows = File.ReadAllLines(folder["m.metrics.csv"]);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("2,6,", rows[2], StringComparison.Ordinal);

        var loaded = ModelStore.Load(folder["m.safetensors"]);
        Assert.IsType<UNetConfig>(loaded.Config);
        Assert.Contains("sphere", loaded.Metadata.Recipe, StringComparison.Ordinal);
        Assert.Contains("z-score", loaded.Metadata.Normalization, StringComparison.Ordinal);

        var (infoCode, info, _) = CliHarness.Run("model", "info", folder["m.safetensors"], "--json");
        Assert.Equal(0, infoCode);
        Assert.Contains("\"parameters\":", info, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"unet\"", info, StringComparison.Ordinal);
        (code, _, error) = CliHarness.Run("model", "export-onnx", folder["m.safetensors"], "-o", folder["m.onnx"]);
        Assert.True(code == 0, error);
        var onnx = File.ReadAllBytes(folder["m.onnx"]);
        Assert.True(System.Text.Encoding.ASCII.GetString(onnx).Contains("ConvTranspose", StringComparison.Ordinal));
    }

    [Fact]
    public void ModelCommandsReportMissingAndCorruptFiles()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("model", "info", folder["none.safetensors"]);
        Assert.Equal(1, code);
        Assert.Contains("no such model file", error, StringComparison.Ordinal);
        File.WriteAllBytes(folder["bad.safetensors"], [1, 2, 3]);
        (code, _, error) = CliHarness.Run("model", "info", folder["bad.safetensors"]);
        Assert.Equal(1, code);
        Assert.Contains("bad.safetensors", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ResumedRunEqualsAStraightRun()
    {
        using var straight = new TempFolder();
        Assert.Equal(0, CliHarness.Run(Args(straight, Recipe(straight), 2)).ExitCode);
        using var split = new TempFolder();
        var recipe = Recipe(split);
        Assert.Equal(0, CliHarness.Run(Args(split, recipe, 1)).ExitCode);
        Assert.Equal(0, CliHarness.Run(Args(split, recipe, 2, "--resume")).ExitCode);
        Assert.Equal(File.ReadAllBytes(straight["m.safetensors"]), File.ReadAllBytes(split["m.safetensors"]));
    }

    [Fact]
    public void RecipeWithoutAnImageLabelIsAUserError()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run(Args(folder, Recipe(folder, "{ form: positions }"), 1));
        Assert.Equal(1, code);
        Assert.Contains("labels.form", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadOptionsAndMissingCheckpointAreUserErrors()
    {
        using var folder = new TempFolder();
        var recipe = Recipe(folder);
        var (code, _, error) = CliHarness.Run(["train", recipe, "-o", folder["x.safetensors"], "--levels", "4,x"]);
        Assert.Equal(1, code);
        Assert.Contains("--levels", error, StringComparison.Ordinal);
        (code, _, error) = CliHarness.Run(Args(folder, recipe, 1, "--resume"));
        Assert.Equal(1, code);
        Assert.Contains("no checkpoint", error, StringComparison.Ordinal);
        (code, _, error) = CliHarness.Run(["train", recipe, "-o", folder["x.safetensors"], "--levels", "2,2,2,2,2", "--epochs", "1", "--steps", "1"]);
        Assert.Equal(1, code);
        Assert.Contains("multiples of 32", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// --init starts from a trained model's weights: at a learning rate too small to move them, the new model is
    /// the old one to float precision (random weights would differ by tenths), and it records where it started.
    /// Another architecture, or a missing file, is refused by name.
    /// </summary>
    [Fact]
    public void InitStartsFromAModelsWeightsAndRefusesAnotherArchitecture()
    {
        using var folder = new TempFolder();
        var recipe = Recipe(folder);
        Assert.Equal(0, CliHarness.Run(Args(folder, recipe, 1)).ExitCode);
        File.Move(folder["m.safetensors"], folder["first.safetensors"]);

        var (code, _, error) = CliHarness.Run(Args(folder, recipe, 1, "--init", folder["first.safetensors"], "--lr", "1e-12", "--seed", "5"));

        Assert.True(code == 0, error);
        var first = ModelStore.Load(folder["first.safetensors"]);
        var tuned = ModelStore.Load(folder["m.safetensors"]);
        var before = first.Model.StateDict();
        var after = tuned.Model.StateDict();
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, tensor) in before)
        {
            var a = tensor.ToArray();
            var b = after[name].ToArray();
            for (var i = 0; i < a.Length; i++)
            {
                Assert.True(Math.Abs(a[i] - b[i]) <= 1e-6f + (1e-5f * Math.Abs(a[i])), $"{name}[{i}]: {a[i]} became {b[i]}");
            }
        }

        Assert.Equal("first.safetensors", tuned.Metadata.Extra["perrin.training.init"]);
        Assert.Equal("3", tuned.Metadata.Extra["perrin.training.init_steps"]);

        (code, _, error) = CliHarness.Run(["train", recipe, "-o", folder["x.safetensors"], "--levels", "4,16", "--epochs", "1", "--steps", "1", "--batch", "2", "--threads", "1",
            "--init", folder["first.safetensors"]]);
        Assert.Equal(1, code);
        Assert.Contains("--init", error, StringComparison.Ordinal);
        Assert.Contains("first.safetensors", error, StringComparison.Ordinal);
        (code, _, error) = CliHarness.Run(Args(folder, recipe, 1, "--init", folder["none.safetensors"]));
        Assert.Equal(1, code);
        Assert.Contains("--init", error, StringComparison.Ordinal);
        Assert.Contains("no such model file", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// --init from a network whose only difference is the head (a mask network started for DECODE maps, 1 output
    /// channel to 5): every other tensor and the shared output channel carry over unchanged at a vanishing rate, the
    /// record says the head is new, and a network of other levels is still refused.
    /// </summary>
    [Fact]
    public void InitCarriesANetworkOverToANewHead()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliHarness.Run(Args(folder, Recipe(folder), 1)).ExitCode);
        File.Move(folder["m.safetensors"], folder["mask.safetensors"]);
        var decode = Recipe(folder, "{ form: decode }");

        var (code, _, error) = CliHarness.Run(Args(folder, decode, 1, "--init", folder["mask.safetensors"], "--lr", "1e-12", "--seed", "5"));

        Assert.True(code == 0, error);
        var before = ModelStore.Load(folder["mask.safetensors"]).Model.StateDict();
        var tuned = ModelStore.Load(folder["m.safetensors"]);
        var after = tuned.Model.StateDict();
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        var heads = 0;
        foreach (var (name, tensor) in before)
        {
            var a = tensor.ToArray();
            var b = after[name].ToArray();
            if (a.Length != b.Length)
            {
                heads++;
                Assert.Equal(5 * a.Length, b.Length);
            }

            for (var i = 0; i < a.Length; i++)
            {
                Assert.True(Math.Abs(a[i] - b[i]) <= 1e-6f + (1e-5f * Math.Abs(a[i])), $"{name}[{i}]: {a[i]} became {b[i]}");
            }
        }

        Assert.Equal(2, heads);
        Assert.Equal("mask.safetensors", tuned.Metadata.Extra["perrin.training.init"]);
        Assert.StartsWith("new: 5 output channels from 1", tuned.Metadata.Extra["perrin.training.init_head"], StringComparison.Ordinal);

        (code, _, error) = CliHarness.Run(["train", decode, "-o", folder["x.safetensors"], "--levels", "4,16", "--epochs", "1", "--steps", "1", "--batch", "2",
            "--threads", "1", "--init", folder["mask.safetensors"]]);
        Assert.Equal(1, code);
        Assert.Contains("mask.safetensors", error, StringComparison.Ordinal);
    }
}
