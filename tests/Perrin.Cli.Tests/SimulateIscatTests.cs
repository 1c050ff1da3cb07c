using System.Globalization;
using Perrin.Core.IO.Tiff;

namespace Perrin.Cli.Tests;

public sealed class SimulateIscatTests
{
    [Fact]
    public void AnIscatRecipeGivesAMovieAndATruthWithContrast()
    {
        // One point scatterer of amplitude 0.05 and phase 0 on the coverslip (z = 0), in focus: its contrast is
        // 2·0.05 + 0.05² = 0.1025, written in the intensity column since the scatterer has no photons.
        using var folder = new TempFolder();
        var recipe = folder["iscat.yaml"];
        File.WriteAllText(recipe, """
            image: { width: 32, height: 32 }
            optics: { modality: iscat, na: 1.4, wavelength_nm: 662, medium_index: 1.518, pixel_size_nm: 23, psf: { model: sinc }, reference_photons: 1.0e4, speckle_rms_nm: 0.5, speckle_correlation_nm: 60 }
            sample:
              - { feature: point_emitter, count: 1, x: 16, y: 16, z: 0, intensity: 0.05, phase_rad: 0 }
            camera: { preset: ideal }
            labels: { form: positions }
            seed: 2
            """);
        var (code, _, error) = CliHarness.Run("simulate", recipe, "-n", "2", "-o", folder["m.tif"], "--truth", folder["t.csv"]);
        Assert.True(code == 0, error);
        Assert.Contains("iscat", error, StringComparison.Ordinal);
        using (var movie = TiffReader.Open(folder["m.tif"]))
        {
            Assert.Equal(2, movie.Info.FrameCount);
            Assert.Equal(23, movie.Metadata.PixelSizeNm);
        }

        var lines = File.ReadAllLines(folder["t.csv"]);
        var header = lines[0].Split(',');
        var intensity = Array.IndexOf(header, "\"intensity [photon]\"");
        Assert.True(intensity >= 0, lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.All(rows, row => Assert.Equal(0.1025, double.Parse(row[intensity], CultureInfo.InvariantCulture), 6));
    }
}
