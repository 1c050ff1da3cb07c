using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Maths;
using Perrin.Core.Randomness;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests.Commands;

public sealed class LocateCommandTests
{
    private const int Side = 48;

    // Four bright spots per frame at known sub-pixel positions, 16-bit counts with a 100 ADU baseline.
    private static List<(int Frame, double X, double Y)> WriteMovie(string path, int frames, double? pixelSizeNm = 100)
    {
        var truth = new List<(int, double, double)>();
        var data = new float[frames * Side * Side];
        var mx = new double[Side];
        var my = new double[Side];
        for (var f = 0; f < frames; f++)
        {
            var random = new RandomStream(99, (ulong)f);
            var expected = new double[Side * Side];
            Array.Fill(expected, 10.0);
            foreach (var (cx, cy) in new[] { (12, 12), (36, 12), (12, 36), (36, 36) })
            {
                var (x, y) = (cx + random.Uniform(-0.5, 0.5), cy + random.Uniform(-0.5, 0.5));
                truth.Add((f, x, y));
                GaussianPixelMass.Fill(mx, 0, x, 1.3);
                GaussianPixelMass.Fill(my, 0, y, 1.3);
                for (var i = 0; i < expected.Length; i++)
                {
                    expected[i] += 5000 * mx[i % Side] * my[i / Side];
                }
            }

            for (var i = 0; i < expected.Length; i++)
            {
                data[(f * Side * Side) + i] = 100 + random.Poisson(expected[i]);
            }
        }

        var options = new TiffWriteOptions { Metadata = new StackMetadata { PixelSizeNm = pixelSizeNm } };
        using var writer = TiffWriter.Create(path, Side, Side, PixelType.UInt16, options);
        new ImageStack(frames, Side, Side, data).WriteTo(writer);
        writer.Complete();
        return truth;
    }

    [Theory]
    [InlineData("radial", "thunderstorm")]
    [InlineData("radial", "trackpy")]
    [InlineData("gauss-mle", "thunderstorm")]
    [InlineData("gauss-mle", "trackpy")]
    public void LocatesEverySpotInEitherFormat(string method, string format)
    {
        using var folder = new TempFolder();
        var truth = WriteMovie(folder["movie.tif"], 3);
        var (code, _, error) = CliHarness.Run("locate", folder["movie.tif"], "--method", method, "--baseline", "100", "-o", folder["locs.csv"], "--format", format);
        Assert.True(code == 0, error);
        Assert.Contains("12 localizations", error, StringComparison.Ordinal);

        var table = LocalizationTableIO.Read(folder["locs.csv"], pixelSizeNm: 100);
        Assert.Equal(format == "trackpy" ? TableFormat.Trackpy : TableFormat.ThunderStorm, LocalizationTableIO.Detect(folder["locs.csv"]));
        Assert.Equal(truth.Count, table.Count);
        foreach (var (frame, x, y) in truth)
        {
            Assert.Contains(table.Rows, l => l.Frame == frame
                && Math.Abs(PixelCoordinates.ToPixels(l.X, 100) - x) < 0.15
                && Math.Abs(PixelCoordinates.ToPixels(l.Y, 100) - y) < 0.15);
        }

        if (format == "thunderstorm")
        {
            Assert.Equal(Enumerable.Range(1, 12).Select(i => (long?)i), table.Rows.Select(l => l.Id));
            Assert.All(table.Rows, l => Assert.InRange(l.Intensity, 4000, 6000));
            Assert.Equal(method == "gauss-mle", table.Rows.All(l => l.Uncertainty is > 0 and < 10));
        }
    }

    [Theory]
    [InlineData("trackpy")]
    [InlineData("thunderstorm")]
    public void CrockerGrierLocatesEverySpotWithTrackpysColumns(string format)
    {
        using var folder = new TempFolder();
        var truth = WriteMovie(folder["movie.tif"], 3);
        var (code, _, error) = CliHarness.Run("locate", folder["movie.tif"], "--method", "crocker-grier", "--diameter", "7",
            "--minmass", "1000", "-o", folder["locs.csv"], "--format", format);
        Assert.True(code == 0, error);
        var table = LocalizationTableIO.Read(folder["locs.csv"], pixelSizeNm: 100);
        Assert.Equal(truth.Count, table.Count);
        foreach (var (frame, x, y) in truth)
        {
            Assert.Contains(table.Rows, l => l.Frame == frame
                && Math.Abs(PixelCoordinates.ToPixels(l.X, 100) - x) < 0.15
                && Math.Abs(PixelCoordinates.ToPixels(l.Y, 100) - y) < 0.15);
        }

        if (format == "trackpy")
        {
            // A 5000-photon spot of σ 1.3 px: trackpy's size is the radius of gyration, about √2·σ.
            Assert.All(table.Rows, l => Assert.InRange(l.Size, 1.3, 2.3));
            Assert.All(table.Rows, l => Assert.True(l.Mass > 1000 && l.Ep > 0 && l.Ecc < 0.3));
        }
    }

    [Theory]
    [InlineData(new[] { "--method", "crocker-grier" }, "--diameter")]
    [InlineData(new[] { "--method", "crocker-grier", "--diameter", "6" }, "--diameter")]
    [InlineData(new[] { "--method", "crocker-grier", "--diameter", "7", "--percentile", "120" }, "--percentile")]
    [InlineData(new[] { "--method", "radial", "--diameter", "7" }, "--diameter does not apply to --method radial")]
    public void CrockerGrierOptionsAreChecked(string[] options, string message)
    {
        using var folder = new TempFolder();
        WriteMovie(folder["movie.tif"], 1);
        var (code, _, error) = CliHarness.Run(["locate", folder["movie.tif"], .. options, "-o", folder["locs.csv"]]);
        Assert.Equal(1, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["locs.csv"]));
    }

    [Fact]
    public void OutputDoesNotDependOnThreadsAndFollowsThePixelSize()
    {
        using var folder = new TempFolder();
        WriteMovie(folder["movie.tif"], 5);
        Assert.Equal(0, CliHarness.Run("locate", folder["movie.tif"], "-m", "gauss-mle", "-o", folder["one.csv"], "--threads", "1").ExitCode);
        Assert.Equal(0, CliHarness.Run("locate", folder["movie.tif"], "-m", "gauss-mle", "-o", folder["three.csv"], "--threads", "3").ExitCode);
        Assert.Equal(File.ReadAllBytes(folder["one.csv"]), File.ReadAllBytes(folder["three.csv"]));

        Assert.Equal(0, CliHarness.Run("locate", folder["movie.tif"], "-m", "gauss-mle", "-o", folder["half.csv"], "--pixel-size", "50").ExitCode);
        var full = LocalizationTableIO.Read(folder["one.csv"]);
        var half = LocalizationTableIO.Read(folder["half.csv"]);
        Assert.Equal(full.Rows.Select(l => l.X / 2), half.Rows.Select(l => l.X));
    }

    [Theory]
    [InlineData("--method", "gaussian", "--method gaussian: unknown method; choose one of crocker-grier, radial, gauss-mle")]
    [InlineData("--sigma", "0", "--sigma")]
    [InlineData("--format", "csv", "--format csv")]
    [InlineData("--threads", "0", "--threads")]
    public void BadOptionsAreUserErrors(string option, string value, string message)
    {
        using var folder = new TempFolder();
        WriteMovie(folder["movie.tif"], 1);
        string[] args = option == "--method"
            ? ["locate", folder["movie.tif"], option, value, "-o", folder["locs.csv"]]
            : ["locate", folder["movie.tif"], "--method", "radial", option, value, "-o", folder["locs.csv"]];
        var (code, _, error) = CliHarness.Run(args);
        Assert.Equal(1, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["locs.csv"]));
    }

    [Fact]
    public void AnOptionOfAnotherMethodIsRefused()
    {
        using var folder = new TempFolder();
        WriteMovie(folder["movie.tif"], 1);
        var (code, _, error) = CliHarness.Run("locate", folder["movie.tif"], "--method", "radial", "--fixed-sigma", "-o", folder["locs.csv"]);
        Assert.Equal(1, code);
        Assert.Contains("--fixed-sigma does not apply to --method radial", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCorruptOrUncalibratedMoviesAreUserErrors()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("locate", folder["none.tif"], "--method", "radial", "-o", folder["locs.csv"]);
        Assert.Equal(1, code);
        Assert.Contains(folder["none.tif"], error, StringComparison.Ordinal);

        File.WriteAllBytes(folder["bad.tif"], [(byte)'I', (byte)'I', 42, 0, 200, 1, 0, 0, 7, 7, 7]);
        (code, _, error) = CliHarness.Run("locate", folder["bad.tif"], "--method", "gauss-mle", "-o", folder["locs.csv"]);
        Assert.Equal(1, code);
        Assert.Contains("bad.tif", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        WriteMovie(folder["plain.tif"], 1, pixelSizeNm: null);
        (code, _, error) = CliHarness.Run("locate", folder["plain.tif"], "--method", "radial", "-o", folder["locs.csv"]);
        Assert.Equal(1, code);
        Assert.Contains("--pixel-size", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["locs.csv"]));
    }

    [Fact]
    public void AnExistingOutputNeedsForce()
    {
        using var folder = new TempFolder();
        WriteMovie(folder["movie.tif"], 1);
        File.WriteAllText(folder["locs.csv"], "keep");
        var (code, _, error) = CliHarness.Run("locate", folder["movie.tif"], "--method", "radial", "-o", folder["locs.csv"]);
        Assert.Equal(1, code);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(folder["locs.csv"]));
        Assert.Equal(0, CliHarness.Run("locate", folder["movie.tif"], "--method", "radial", "-o", folder["locs.csv"], "--force").ExitCode);
    }

    [Fact]
    public void BenchReportsEveryMethod()
    {
        var (code, output, error) = CliHarness.Run("bench", "locate", "--frames", "2", "--json");
        Assert.True(code == 0, error);
        var root = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        var methods = root["methods"]!.AsArray();
        Assert.Equal(["crocker-grier", "radial", "gauss-mle"], methods.Select(m => (string)m!["method"]!));
        Assert.All(methods, m => Assert.True((double)m!["frames_per_s"]! > 0));
        Assert.All(methods, m => Assert.InRange((double)m!["localizations_per_frame"]!, 40, 52));
    }
}
