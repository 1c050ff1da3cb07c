using System.Text.Json;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests.Commands;

public sealed class DecodeCommandTests
{
    /// <summary>
    /// Measured with seed 3 (25 frames, 4 emitters each on 48×48 pixels of 100 nm): heatmap Jaccard 98 % (two pairs
    /// 108 and 168 nm apart merge into one spot each) and RMSE 19.5 nm (the 3×3 centroid pulls σ = 1 px spots
    /// towards the pixel centre), 13.0 nm with --refine-radius 2; deepstorm (4× finer) Jaccard 100 %, RMSE 10.4 nm,
    /// the 25/√6 nm of rounding to 25 nm bins; decode Jaccard 100 %, RMSE below 10⁻⁶ nm (float offsets).
    /// </summary>
    [Theory]
    [InlineData("heatmap", "heatmap", "", 97.0, 15.0, 22.0)]
    [InlineData("heatmap", "heatmap", "--refine-radius 2", 97.0, 10.0, 15.0)]
    [InlineData("superres", "deepstorm", "--upsampling 4", 99.0, 9.0, 12.0)]
    [InlineData("decode", "decode", "", 100.0, 0.0, 1e-3)]
    public void SimulatedLabelsDecodeBackToTheTruth(string label, string form, string options, double minJaccard, double minRmse, double maxRmse)
    {
        using var folder = new TempFolder();
        Simulate(folder, label);
        string[] args = ["decode", folder["labels.tif"], "--form", form, "-o", folder["locs.csv"], .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

        var (code, _, error) = CliHarness.Run(args);

        Assert.True(code == 0, error);
        var scores = Evaluate(folder);
        Assert.InRange(scores.GetProperty("jaccard_percent").GetDouble(), minJaccard, 100);
        Assert.InRange(scores.GetProperty("rmse_lateral_nm").GetDouble(), minRmse, maxRmse);
        Assert.Contains("25 samples of", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeMapsCarryPhotonsAndZ()
    {
        using var folder = new TempFolder();
        Simulate(folder, "decode");

        var (code, _, error) = CliHarness.Run("decode", folder["labels.tif"], "--form", "decode", "-o", folder["locs.csv"]);

        Assert.True(code == 0, error);
        var locs = LocalizationTableIO.Read(folder["locs.csv"]);
        Assert.Equal(100, locs.Count);
        Assert.True(locs.Has(LocalizationColumns.Z | LocalizationColumns.Intensity));
        Assert.All(locs.Rows, l => Assert.Equal(1000, l.Intensity));
        Assert.All(locs.Rows, l => Assert.Equal(250, l.Z, 3));
    }

    [Fact]
    public void ADeepStormMapsCalibrationIsItsFinePixel()
    {
        using var folder = new TempFolder();
        Simulate(folder, "superres");
        using (var labels = TiffReader.Open(folder["labels.tif"]))
        {
            Assert.Equal(25, labels.Metadata.PixelSizeNm!.Value, 9);
            Assert.Equal("label superres, 1 channels per sample", labels.Metadata.Description);
        }

        var byFactor = CliHarness.Run("decode", folder["labels.tif"], "--form", "deepstorm", "--upsampling", "4", "-o", folder["a.csv"], "--format", "trackpy");
        var byPixel = CliHarness.Run("decode", folder["labels.tif"], "--form", "deepstorm", "--pixel-size", "100", "-o", folder["b.csv"], "--format", "trackpy");
        var neither = CliHarness.Run("decode", folder["labels.tif"], "--form", "deepstorm", "-o", folder["c.csv"]);

        Assert.True(byFactor.ExitCode == 0, byFactor.Error);
        Assert.True(byPixel.ExitCode == 0, byPixel.Error);
        Assert.Equal(File.ReadAllText(folder["a.csv"]), File.ReadAllText(folder["b.csv"]));
        Assert.Contains("camera pixel 100 nm", byFactor.Error, StringComparison.Ordinal);
        Assert.Equal(1, neither.ExitCode);
        Assert.Contains("--upsampling", neither.Error, StringComparison.Ordinal);

        // trackpy pixels of the 100 nm camera: (0, 0) at the centre of the first camera pixel.
        var trackpy = LocalizationTableIO.Read(folder["a.csv"], pixelSizeNm: 100).Rows;
        var thunder = LocalizationTableIO.Read(Decoded(folder, "deepstorm", "--upsampling", "4")).Rows;
        Assert.Equal(thunder.Select(l => l.X), trackpy.Select(l => l.X), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void AHandMadeHeatMapDecodesToPixelCentresInNanometres()
    {
        using var folder = new TempFolder();
        var map = new ImageStack(2, 16, 20);
        Blob(map, 0, 5, 7);
        Blob(map, 0, 14, 3);
        Blob(map, 1, 9, 10);
        WriteMaps(folder["net.tif"], map);

        var without = CliHarness.Run("decode", folder["net.tif"], "--form", "heatmap", "-o", folder["locs.csv"]);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("does not say its pixel size: add --pixel-size", without.Error, StringComparison.Ordinal);

        var (code, _, error) = CliHarness.Run("decode", folder["net.tif"], "--form", "heatmap", "--pixel-size", "80", "-o", folder["locs.csv"]);

        Assert.True(code == 0, error);
        var rows = LocalizationTableIO.Read(folder["locs.csv"]).Rows;
        Assert.Equal([(0, 1160.0, 280.0), (0, 440.0, 600.0), (1, 760.0, 840.0)], rows.Select(l => (l.Frame, l.X, l.Y)).OrderBy(r => r.Frame).ThenBy(r => r.Item3));
        Assert.Contains("\n1,1,", File.ReadAllText(folder["locs.csv"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ComponentsAndAThresholdSelectWhatIsFound()
    {
        using var folder = new TempFolder();
        var map = new ImageStack(1, 16, 20);
        Blob(map, 0, 5, 7);
        map.At(0, 12, 15) = 0.3f;
        WriteMaps(folder["net.tif"], map);

        var (code, _, error) = CliHarness.Run("decode", folder["net.tif"], "--form", "heatmap", "--pixel-size", "100", "--method", "components", "--threshold", "0.25", "-o", folder["locs.csv"]);

        Assert.True(code == 0, error);
        var rows = LocalizationTableIO.Read(folder["locs.csv"]).Rows;
        Assert.Equal([(550.0, 750.0), (1550.0, 1250.0)], rows.Select(l => (l.X, l.Y)));
    }

    [Theory]
    [InlineData("heatmap", "", "holds perrin simulate's 'decode' labels (5 channels per sample), not heatmap maps: use --form decode")]
    [InlineData("decode", "--channels-per-frame 4", "with 5 channels per sample, not 4")]
    [InlineData("decode", "--upsampling 2", "decode maps are on the camera grid")]
    [InlineData("decode", "--method components", "apply to heatmap and deepstorm maps")]
    [InlineData("decode", "--threshold 1.5", "a probability in (0, 1]")]
    [InlineData("decode", "--format excel", "--format must be 'thunderstorm'")]
    [InlineData("spots", "", "--form must be 'heatmap', 'deepstorm' or 'decode'")]
    public void WrongFormsAndOptionsForSimulatedLabelsAreRefused(string form, string options, string message)
    {
        using var folder = new TempFolder();
        Simulate(folder, "decode");
        string[] args = ["decode", folder["labels.tif"], "--form", form, "-o", folder["locs.csv"], .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

        var (code, _, error) = CliHarness.Run(args);

        Assert.Equal(1, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["locs.csv"]));
    }

    [Fact]
    public void ANetworkOutputWithTheWrongChannelCountIsRefused()
    {
        using var folder = new TempFolder();
        WriteMaps(folder["net.tif"], new ImageStack(7, 8, 8, new StackMetadata { PixelSizeNm = 100 }));

        var decode = CliHarness.Run("decode", folder["net.tif"], "--form", "decode", "-o", folder["locs.csv"]);
        var heatmap = CliHarness.Run("decode", folder["net.tif"], "--form", "heatmap", "--channels-per-frame", "7", "-o", folder["locs.csv"]);

        Assert.Equal(1, decode.ExitCode);
        Assert.Contains("net.tif has 7 frames, which is not a whole number of samples of 5 channels each", decode.Error, StringComparison.Ordinal);
        Assert.Equal(1, heatmap.ExitCode);
        Assert.Contains("heatmap maps have 1 channel per sample, not 7", heatmap.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonFiniteMapValueIsNamedBySampleAndChannel()
    {
        using var folder = new TempFolder();
        var maps = new ImageStack(6, 8, 8, new StackMetadata { PixelSizeNm = 100 });
        maps.At(4, 2, 5) = float.NaN;
        WriteMaps(folder["net.tif"], maps);

        var (code, _, error) = CliHarness.Run("decode", folder["net.tif"], "--form", "decode", "--channels-per-frame", "3", "-o", folder["locs.csv"]);

        Assert.Equal(1, code);
        Assert.Contains("net.tif: frame 5 (sample 2, channel 2) has the non-finite value NaN at pixel (5, 2)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAndCorruptFilesAreOneLineMessages()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder["corrupt.tif"], [(byte)'I', (byte)'I', 42, 0, 0xF0, 0xFF, 0xFF, 0x7F, 1, 2, 3, 4]);

        var missing = CliHarness.Run("decode", folder["none.tif"], "--form", "heatmap", "-o", folder["locs.csv"]);
        var corrupt = CliHarness.Run("decode", folder["corrupt.tif"], "--form", "heatmap", "-o", folder["locs.csv"]);

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("none.tif", missing.Error, StringComparison.Ordinal);
        Assert.Equal(1, corrupt.ExitCode);
        Assert.Contains("corrupt.tif", corrupt.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Error + corrupt.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["locs.csv"]));
    }

    private static void Simulate(TempFolder folder, string label)
    {
        File.WriteAllText(folder["recipe.yaml"], $$"""
            image: { width: 48, height: 48 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: point_emitter, count: 4, x: { uniform: [2, 45] }, y: { uniform: [2, 45] }, z: 250, photons: 1000 }
            camera: { preset: ideal }
            labels: { form: {{label}} }
            seed: 3
            """);
        var (code, _, error) = CliHarness.Run("simulate", folder["recipe.yaml"], "-n", "25", "-o", folder["movie.tif"], "--truth", folder["truth.csv"], "--labels", folder["labels.tif"], "--threads", "2");
        Assert.True(code == 0, error);
    }

    private static string Decoded(TempFolder folder, string form, params string[] options)
    {
        var path = folder[$"{form}-{options.Length}.csv"];
        var (code, _, error) = CliHarness.Run(["decode", folder["labels.tif"], "--form", form, "-o", path, .. options]);
        Assert.True(code == 0, error);
        return path;
    }

    private static JsonElement Evaluate(TempFolder folder)
    {
        var (code, output, error) = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"], "--json");
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("overall").Clone();
    }

    /// <summary>A symmetric 3×3 blob centred on pixel (column, row): its weighted centroid is the pixel centre.</summary>
    private static void Blob(ImageStack map, int frame, int column, int row)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                map.At(frame, row + dy, column + dx) = dx == 0 && dy == 0 ? 1f : (dx == 0 || dy == 0 ? 0.6f : 0.35f);
            }
        }
    }

    private static void WriteMaps(string path, ImageStack maps)
    {
        using var writer = TiffWriter.Create(path, maps.Width, maps.Height, PixelType.Float32, new TiffWriteOptions { Metadata = maps.Metadata });
        maps.WriteTo(writer);
        writer.Complete();
    }
}
