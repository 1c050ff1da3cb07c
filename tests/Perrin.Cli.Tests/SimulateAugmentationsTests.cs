using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests;

public sealed class SimulateAugmentationsTests
{
    [Fact]
    public void AnAugmentedRecipeWritesCropSizedFramesWhoseTruthMatchesTheImage()
    {
        using var folder = new TempFolder();
        var recipe = folder["augmented.yaml"];
        File.WriteAllText(recipe, """
            image: { width: 64, height: 64 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 80, psf: { model: gaussian, sigma_nm: 100 } }
            sample:
              - { feature: point_emitter, count: 1, x: { uniform: [28, 36] }, y: { uniform: [28, 36] }, photons: 1.0e7 }
            camera: { preset: ideal }
            labels: { form: heatmap }
            augmentations:
              flip: true
              rotate90: true
              affine: { rotation_deg: { uniform: [0, 360] }, scale: { uniform: [1, 1.2] }, translate_x_px: { uniform: [-3, 3] } }
              crop: { width: 44, height: 40 }
            seed: 21
            """);
        var (code, _, error) = CliHarness.Run("simulate", recipe, "-n", "5", "-o", folder["m.tif"], "--truth", folder["t.csv"], "--labels", folder["l.tif"], "--threads", "2");
        Assert.True(code == 0, error);
        using (var movie = TiffReader.Open(folder["m.tif"]))
        {
            Assert.Equal((44, 40, 5), (movie.Info.Width, movie.Info.Height, (int)movie.Info.FrameCount));
        }

        using (var labels = TiffReader.Open(folder["l.tif"]))
        {
            Assert.Equal((44, 40), (labels.Info.Width, labels.Info.Height));
        }

        // The emitter starts ≥ 28 px from the canvas edges, so every augmentation keeps it ≥ 6 px inside the crop;
        // 1e7 photons put the centroid within ≈ 5e-4 px of the spot's centre.
        var frames = Movies.ReadAll(folder["m.tif"]);
        var rows = LocalizationTableIO.Read(folder["t.csv"]).Rows;
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            double sum = 0, sx = 0, sy = 0;
            for (var y = 0; y < 40; y++)
            {
                for (var x = 0; x < 44; x++)
                {
                    double v = frames[(row.Frame * 44 * 40) + (y * 44) + x];
                    sum += v;
                    sx += v * x;
                    sy += v * y;
                }
            }

            Assert.InRange((sx / sum) - ((row.X / 80) - 0.5), -0.02, 0.02);
            Assert.InRange((sy / sum) - ((row.Y / 80) - 0.5), -0.02, 0.02);
        }
    }

    [Fact]
    public void ACropLargerThanTheImageIsALocatedError()
    {
        using var folder = new TempFolder();
        var recipe = folder["bad.yaml"];
        File.WriteAllText(recipe, """
            image: { width: 32, height: 32 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100 }
            sample:
              - { feature: point_emitter, count: 1, photons: 10 }
            augmentations:
              crop: { width: 33, height: 16 }
            """);
        var (code, _, error) = CliHarness.Run("simulate", recipe, "-n", "1", "-o", folder["m.tif"]);
        Assert.Equal(1, code);
        Assert.Contains("bad.yaml", error, StringComparison.Ordinal);
        Assert.Contains("line 6", error, StringComparison.Ordinal);
        Assert.Contains("augmentations.crop.width", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["m.tif"]));
    }
}
