using Perrin.Cli.Localize;
using Perrin.Simulation.Labels;

namespace Perrin.Cli.Tests.Commands;

/// <summary>
/// An iSCAT recipe whose heat-map label leaves out faint particles (<c>labels.min_contrast</c>) trains through
/// `perrin train`, and `perrin localize` reads the result as the heat-map network it is.
/// </summary>
public sealed class ContrastThresholdTrainingTests
{
    [Fact]
    public void ANetworkTrainedWithoutFaintParticlesLocalizesAsAHeatmapNetwork()
    {
        using var folder = new TempFolder();
        var recipe = folder["iscat.yaml"];
        File.WriteAllText(recipe, """
            image: { width: 32, height: 32 }
            optics: { modality: iscat, na: 1.4, wavelength_nm: 662, medium_index: 1.518, pixel_size_nm: 23, psf: { model: pupil }, reference_photons: 30000 }
            sample:
              - { feature: point_emitter, count: { integer_uniform: [1, 3] }, x: { uniform: [2, 29] }, y: { uniform: [2, 29] }, intensity: { log_uniform: [0.001, 0.05] }, phase_rad: { uniform: [0, 6.283185307179586] } }
            camera: { preset: ideal }
            labels: { form: heatmap, sigma_px: 2, min_contrast: 0.005 }
            seed: 4
            """);
        var (code, _, error) = CliHarness.Run("train", recipe, "-o", folder["m.safetensors"], "--levels", "4,8", "--epochs", "1", "--steps", "2",
            "--batch", "2", "--threads", "1", "--validation-batches", "1");
        Assert.True(code == 0, error);

        // The map is decoded as the σ = 2 px heat map beneath the threshold: its centroid window reaches 1.5σ.
        var model = LocalizeModel.Load(folder["m.safetensors"]);
        Assert.Equal(2, Assert.IsType<GaussianHeatmap>(model.Label).SigmaPixels);
        Assert.Equal(3, model.RefineRadius);
        (code, _, error) = CliHarness.Run("simulate", recipe, "-n", "2", "--seed", "9", "-o", folder["movie.tif"]);
        Assert.True(code == 0, error);
        (code, _, error) = CliHarness.Run("localize", folder["m.safetensors"], folder["movie.tif"], "-o", folder["locs.csv"], "--threads", "1");
        Assert.True(code == 0, error);
        Assert.Contains("heatmap network", error, StringComparison.Ordinal);
        Assert.True(File.Exists(folder["locs.csv"]));
    }
}
