using System.Xml.Linq;
using Perrin.Core.IO.Png;

namespace Perrin.Cli.Tests.Commands;

/// <summary>The training curve perrin train draws after every epoch, and perrin plot-metrics.</summary>
public sealed class TrainingCurveTests
{
    private static string Recipe(TempFolder folder)
    {
        var path = folder["beads.yaml"];
        File.WriteAllText(path, """
            image: { width: 16, height: 16 }
            optics: { modality: fluorescence, na: 1.2, wavelength_nm: 600, medium_index: 1.33, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: sphere, count: 2, x: { uniform: [3, 13] }, y: { uniform: [3, 13] }, z: 0, radius_nm: 300, photons: 5000 }
            camera: { preset: ideal }
            labels: { form: mask }
            training: { levels: [4, 8], epochs: 3, steps: 2, batch: 2, validation_batches: 1 }
            seed: 2
            """);
        return path;
    }

    private static int Points(string svgPath, string series) =>
        ((string)XDocument.Load(svgPath).Descendants().Single(e => (string?)e.Attribute("class") == series).Attribute("points")!).Split(' ').Length;

    [Fact]
    public void TrainingWritesTheCurveAsSvgAndPngAndPlotMetricsRedrawsIt()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("train", Recipe(folder), "-o", folder["m.safetensors"], "--threads", "1");
        Assert.True(code == 0, error);

        Assert.Equal(3, Points(folder["m.curve.svg"], "training"));
        Assert.Equal(3, Points(folder["m.curve.svg"], "validation"));
        var png = PngReader.Read(folder["m.curve.png"]);
        Assert.Equal(PngColor.Rgb, png.Color);

        (code, _, error) = CliHarness.Run("plot-metrics", folder["m.metrics.csv"], "-o", folder["again.svg"], "--title", "curve of m");
        Assert.True(code == 0, error);
        Assert.Equal(3, Points(folder["again.svg"], "training"));
        Assert.Contains(XDocument.Load(folder["again.svg"]).Descendants(), e => e.Value == "curve of m");
        Assert.Equal(0, CliHarness.Run("plot-metrics", folder["m.metrics.csv"], "-o", folder["again.png"]).ExitCode);
        Assert.Equal(png.Samples.Length, PngReader.Read(folder["again.png"]).Samples.Length);
    }

    [Fact]
    public void AResumedRunDrawsTheWholeCurve()
    {
        using var folder = new TempFolder();
        var recipe = Recipe(folder);
        Assert.Equal(0, CliHarness.Run("train", recipe, "-o", folder["m.safetensors"], "--threads", "1", "--epochs", "1").ExitCode);
        Assert.Equal(1, Points(folder["m.curve.svg"], "training"));

        Assert.Equal(0, CliHarness.Run("train", recipe, "-o", folder["m.safetensors"], "--threads", "1", "--resume").ExitCode);
        Assert.Equal(3, Points(folder["m.curve.svg"], "training"));
    }

    [Fact]
    public void PlotMetricsReportsBadInputs()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["bad.csv"], "epoch,step,train_loss,validation_loss\n1,10,0.5,0.4\n2,x,0.3,0.2\n");
        File.WriteAllText(folder["other.csv"], "frame,x,y\n1,2,3\n");

        var (code, _, error) = CliHarness.Run("plot-metrics", folder["bad.csv"], "-o", folder["c.svg"]);
        Assert.Equal(1, code);
        Assert.Contains("bad.csv", error, StringComparison.Ordinal);
        Assert.Contains("line 3", error, StringComparison.Ordinal);

        (code, _, error) = CliHarness.Run("plot-metrics", folder["other.csv"], "-o", folder["c.svg"]);
        Assert.Equal(1, code);
        Assert.Contains("step, train_loss, validation_loss", error, StringComparison.Ordinal);

        (code, _, error) = CliHarness.Run("plot-metrics", folder["bad.csv"], "-o", folder["c.jpg"]);
        Assert.Equal(1, code);
        Assert.Contains(".svg or .png", error, StringComparison.Ordinal);

        (code, _, error) = CliHarness.Run("plot-metrics", folder["none.csv"], "-o", folder["c.svg"]);
        Assert.Equal(1, code);
        Assert.Contains("no such metrics file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["c.svg"]));
    }
}
