using System.Globalization;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests;

public sealed class SimulateCommandTests
{
    private static string ExampleRecipe => ExampleRecipes.PathOf("smlm-dense.yaml");

    [Fact]
    public void SimulatesTheExampleRecipeIntoACalibratedMovieTruthAndLabels()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("simulate", ExampleRecipe, "-n", "4", "-o", folder["movie.tif"], "--truth", folder["truth.csv"], "--labels", folder["labels.tif"], "--threads", "2");
        Assert.True(code == 0, error);

        var (infoCode, info, _) = CliHarness.Run("info", folder["movie.tif"], "--json");
        Assert.Equal(0, infoCode);
        using (var movie = TiffReader.Open(folder["movie.tif"]))
        {
            Assert.Equal(4, movie.Info.FrameCount);
            Assert.Equal(32, movie.Info.Width);
            Assert.Equal(100, movie.Metadata.PixelSizeNm);
        }

        Assert.Contains("100", info, StringComparison.Ordinal);
        var truth = LocalizationTableIO.Read(folder["truth.csv"]).Rows;
        Assert.NotEmpty(truth);
        Assert.Equal([0, 1, 2, 3], truth.Select(l => l.Frame).Distinct().Order());
        Assert.All(truth, l => Assert.InRange(l.X, 0, 3200));
        Assert.Contains("\n1,1,", File.ReadAllText(folder["truth.csv"]), StringComparison.Ordinal);

        using var labels = TiffReader.Open(folder["labels.tif"]);
        Assert.Equal(4 * 5, labels.Info.FrameCount);
    }

    [Fact]
    public void TruthTableHoldsTheEmittersInNanometres()
    {
        using var folder = new TempFolder();
        var recipe = folder["one.yaml"];
        File.WriteAllText(recipe, """
            image: { width: 20, height: 10 }
            optics: { modality: fluorescence, na: 1.2, wavelength_nm: 600, medium_index: 1.33, pixel_size_nm: 80, psf: { model: gaussian } }
            sample:
              - { feature: point_emitter, count: 1, x: 3.25, y: 7.5, z: 12, photons: 400 }
            camera: { preset: ideal }
            labels: { form: positions }
            seed: 9
            """);
        var (code, _, error) = CliHarness.Run("simulate", recipe, "-n", "3", "-o", folder["m.tif"], "--truth", folder["t.csv"]);
        Assert.True(code == 0, error);
        var rows = File.ReadAllLines(folder["t.csv"]).Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.Equal(3, rows.Length);
        for (var f = 0; f < 3; f++)
        {
            Assert.Equal((f + 1).ToString(CultureInfo.InvariantCulture), rows[f][1]);
            Assert.Equal((3.25 + 0.5) * 80, double.Parse(rows[f][2], CultureInfo.InvariantCulture), 9);
            Assert.Equal((7.5 + 0.5) * 80, double.Parse(rows[f][3], CultureInfo.InvariantCulture), 9);
            Assert.Equal(12, double.Parse(rows[f][4], CultureInfo.InvariantCulture), 9);
        }
    }

    [Fact]
    public void SameSeedSameBytesWhateverTheThreads()
    {
        using var folder = new TempFolder();
        var recipe = folder["r.yaml"];
        File.WriteAllText(recipe, """
            image: { width: 48, height: 48 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100 }
            sample:
              - { feature: point_emitter, count: { poisson: 20 }, x: { uniform: [0, 47] }, y: { uniform: [0, 47] }, photons: { uniform: [200, 2000] } }
            camera: { preset: scmos, background_photons: 30 }
            labels: { form: heatmap }
            seed: 4
            """);
        CliHarness.Run("simulate", recipe, "-n", "9", "-o", folder["a.tif"], "--threads", "1");
        CliHarness.Run("simulate", recipe, "-n", "9", "-o", folder["b.tif"], "--threads", "2");
        CliHarness.Run("simulate", recipe, "-n", "9", "-o", folder["c.tif"], "--threads", "2", "--seed", "5");
        var a = File.ReadAllBytes(folder["a.tif"]);
        Assert.Equal(a, File.ReadAllBytes(folder["b.tif"]));
        Assert.NotEqual(a, File.ReadAllBytes(folder["c.tif"]));
    }

    [Fact]
    public void SimulatesAHolographyRecipeIntoATiff()
    {
        using var folder = new TempFolder();
        var recipe = Path.Combine(Path.GetDirectoryName(ExampleRecipe)!, "holography-mie.yaml");
        var (code, _, error) = CliHarness.Run("simulate", recipe, "-n", "3", "-o", folder["holo.tif"], "--threads", "2");
        Assert.True(code == 0, error);
        using var movie = TiffReader.Open(folder["holo.tif"]);
        Assert.Equal(3, movie.Info.FrameCount);
        Assert.Equal(128, movie.Info.Width);
        Assert.Equal(100, movie.Metadata.PixelSizeNm);
    }

    [Fact]
    public void ABadRecipeIsOneLineWithFileAndLine()
    {
        using var folder = new TempFolder();
        var recipe = folder["bad.yaml"];
        File.WriteAllText(recipe, """
            image: { width: 16, height: 16 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: -100 }
            sample:
              - { feature: point_emitter, count: 1, x: 3, y: 3, photons: 10 }
            """);
        var (code, _, error) = CliHarness.Run("simulate", recipe, "-n", "2", "-o", folder["m.tif"]);
        Assert.Equal(1, code);
        Assert.Contains("bad.yaml", error, StringComparison.Ordinal);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(folder["m.tif"]));
    }

    [Fact]
    public void SimulatesTheCellsExampleWithInstanceMasks()
    {
        using var folder = new TempFolder();
        var recipe = Path.Combine(Path.GetDirectoryName(ExampleRecipe)!, "cells-counting.yaml");
        var (code, _, error) = CliHarness.Run("simulate", recipe, "-n", "2", "-o", folder["cells.tif"], "--truth", folder["cells.csv"], "--labels", folder["masks.tif"], "--threads", "2");
        Assert.True(code == 0, error);
        using (var movie = TiffReader.Open(folder["cells.tif"]))
        {
            Assert.Equal(2, movie.Info.FrameCount);
            Assert.Equal(256, movie.Info.Width);
            Assert.Equal(650, movie.Metadata.PixelSizeNm);
        }

        Assert.NotEmpty(LocalizationTableIO.Read(folder["cells.csv"]).Rows);
        using var labels = TiffReader.Open(folder["masks.tif"]);
        Assert.Equal(2, labels.Info.FrameCount);
        Assert.Equal(256, labels.Info.Height);
    }
}
