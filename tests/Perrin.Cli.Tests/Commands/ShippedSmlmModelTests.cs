using System.Text.Json;

namespace Perrin.Cli.Tests.Commands;

/// <summary>
/// The pretrained models/smlm-dense network with `perrin localize` on simulated low-density frames: a broken model,
/// a wrong output activation or decoder, or a units mix-up would find far fewer emitters, or far from the truth.
/// </summary>
public sealed class ShippedSmlmModelTests
{
    [Fact]
    public void FindsLowDensityEmittersNearTheTruth()
    {
        using var folder = new TempFolder();
        var model = Path.GetFullPath(Path.Combine(ExampleRecipes.PathOf("smlm-dense.yaml"), "..", "..", "..", "models", "smlm-dense", "model.safetensors"));
        Assert.True(File.Exists(model), $"the shipped model is missing: {model}");
        File.WriteAllText(folder["sparse.yaml"], """
            image: { width: 64, height: 64 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100, psf: { model: pupil } }
            sample:
              - { feature: point_emitter, count: 20, x: { uniform: [-0.5, 63.5] }, y: { uniform: [-0.5, 63.5] }, z: 0, photons: { log_uniform: [1000, 5000] } }
            camera: { preset: smlm-challenge-emccd, background_photons: 50 }
            seed: 404
            """);
        var (code, _, error) = CliHarness.Run("simulate", folder["sparse.yaml"], "-n", "3", "-o", folder["movie.tif"], "--truth", folder["truth.csv"], "--threads", "1");
        Assert.True(code == 0, error);
        (code, _, error) = CliHarness.Run("localize", model, folder["movie.tif"], "-o", folder["locs.csv"], "--threads", "1");
        Assert.True(code == 0, error);
        (code, var json, error) = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"], "--tol", "250", "--json");
        Assert.True(code == 0, error);

        var overall = JsonDocument.Parse(json).RootElement.GetProperty("overall");
        Assert.Equal(60, overall.GetProperty("true_positives").GetInt64() + overall.GetProperty("false_negatives").GetInt64());
        Assert.True(overall.GetProperty("recall").GetDouble() >= 0.85, json);
        Assert.True(overall.GetProperty("precision").GetDouble() >= 0.85, json);
        Assert.True(overall.GetProperty("rmse_lateral_nm").GetDouble() < 50, json);
    }
}
