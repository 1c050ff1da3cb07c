using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests;

public sealed class SimulateMovieTests
{
    private static string Example => ExampleRecipes.PathOf("brownian-movie.yaml");

    [Fact]
    public void WritesOneMovieAfterAnotherWithFramesNumberedOn()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("simulate", Example, "-n", "3", "-o", folder["three.tif"], "--truth", folder["truth.csv"], "--labels", folder["labels.tif"], "--threads", "2");
        Assert.True(code == 0, error);
        Assert.Contains("60 frames in 3 movies", error, StringComparison.Ordinal);
        using (var movie = TiffReader.Open(folder["three.tif"]))
        {
            Assert.Equal(60, movie.Info.FrameCount);
            Assert.Equal(0.03, movie.Metadata.FrameIntervalS!.Value, 9);
            Assert.Equal(100, movie.Metadata.PixelSizeNm);
        }

        using (var labels = TiffReader.Open(folder["labels.tif"]))
        {
            Assert.Equal(60, labels.Info.FrameCount);
        }

        var frames = LocalizationTableIO.Read(folder["truth.csv"]).Rows.Select(l => l.Frame).Distinct().Order().ToArray();
        Assert.Equal(0, frames[0]);
        Assert.Equal(59, frames[^1]);
        Assert.True(frames.Length > 55, $"{frames.Length} frames with emitters");

        // Movie 0 alone is the first 20 frames of the three, and the thread count changes nothing.
        Assert.Equal(0, CliHarness.Run("simulate", Example, "-n", "1", "-o", folder["one.tif"], "--threads", "1").ExitCode);
        Assert.Equal(0, CliHarness.Run("simulate", Example, "-n", "3", "-o", folder["three-1.tif"], "--threads", "1").ExitCode);
        Assert.Equal(File.ReadAllBytes(folder["three.tif"]), File.ReadAllBytes(folder["three-1.tif"]));
        var one = Movies.ReadAll(folder["one.tif"]);
        var three = Movies.ReadAll(folder["three.tif"]);
        Assert.Equal(20 * 64 * 64, one.Length);
        Assert.Equal(one, three[..one.Length]);
        Assert.NotEqual(one, three[one.Length..(2 * one.Length)]);
    }

    [Fact]
    public void WithoutDynamicsFramesTheCountIsTheFrameCount()
    {
        using var folder = new TempFolder();
        var recipe = folder["fbm.yaml"];
        File.WriteAllText(recipe, """
            image: { width: 24, height: 24 }
            optics: { modality: fluorescence, na: 1.2, wavelength_nm: 600, medium_index: 1.33, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: point_emitter, count: 5, x: { uniform: [0, 23] }, y: { uniform: [0, 23] }, photons: 500 }
            dynamics: { model: fbm, alpha: 0.6, diffusion_um2_per_s: 0.05, frame_interval_ms: 40, axial: true }
            camera: { preset: emccd, background_photons: 10 }
            seed: 2
            """);
        var (code, _, error) = CliHarness.Run("simulate", recipe, "-n", "7", "-o", folder["m.tif"], "--truth", folder["t.csv"]);
        Assert.True(code == 0, error);
        using var movie = TiffReader.Open(folder["m.tif"]);
        Assert.Equal(7, movie.Info.FrameCount);
        Assert.Equal(0.04, movie.Metadata.FrameIntervalS!.Value, 9);
        Assert.Contains("circulant embedding", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadDynamicsFieldIsOneLineWithFileAndLine()
    {
        using var folder = new TempFolder();
        var recipe = folder["bad.yaml"];
        File.WriteAllText(recipe, """
            image: { width: 16, height: 16 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100 }
            sample:
              - { feature: point_emitter, count: 1, x: 3, y: 3, photons: 10 }
            dynamics:
              model: brownian
              frame_interval_ms: 10
              confinement: { kind: cage, size_um: 1 }
            """);
        var (code, _, error) = CliHarness.Run("simulate", recipe, "-n", "2", "-o", folder["m.tif"]);
        Assert.Equal(1, code);
        Assert.Contains("bad.yaml, line 8", error, StringComparison.Ordinal);
        Assert.Contains("dynamics.confinement.kind", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(folder["m.tif"]));
    }
}
