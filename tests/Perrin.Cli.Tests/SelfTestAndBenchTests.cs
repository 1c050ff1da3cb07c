using System.Diagnostics;
using System.Text.Json;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests;

public sealed class SelfTestAndBenchTests
{
    [Fact]
    public void SelfTestWritesEveryFileAndPassesEveryCheck()
    {
        using var folder = new TempFolder();
        var output = folder["selftest"];

        var (code, table, error) = CliHarness.Run("selftest", "-o", output, "--frames", "6", "--size", "64", "--spots", "5");

        Assert.True(code == 0, error + table);
        Assert.DoesNotContain("FAILED", table, StringComparison.Ordinal);
        Assert.Equal(8, table.Split("passed").Length - 1);
        foreach (var name in new[] { "movie.tif", "movie-lzw.tif", "movie-be-tiled-deflate.tif", "preview.png", "truth-thunderstorm.csv", "truth-trackpy.csv" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), name);
        }

        Assert.Equal(6, Directory.GetFiles(Path.Combine(output, "frames"), "*.png").Length);
        Assert.Equal(30, LocalizationTableIO.Read(Path.Combine(output, "truth-thunderstorm.csv")).Count);
        using var lzw = TiffReader.Open(Path.Combine(output, "movie-lzw.tif"));
        Assert.Equal("LZW", lzw.Info.Compression);
    }

    [Fact]
    public void SelfTestIsReproducibleForASeed()
    {
        using var folder = new TempFolder();
        CliHarness.Run("selftest", "-o", folder["a"], "--frames", "3", "--size", "48", "--seed", "5");
        CliHarness.Run("selftest", "-o", folder["b"], "--frames", "3", "--size", "48", "--seed", "5");
        CliHarness.Run("selftest", "-o", folder["c"], "--frames", "3", "--size", "48", "--seed", "6");
        var a = File.ReadAllBytes(Path.Combine(folder["a"], "movie.tif"));
        Assert.Equal(a, File.ReadAllBytes(Path.Combine(folder["b"], "movie.tif")));
        Assert.NotEqual(a, File.ReadAllBytes(Path.Combine(folder["c"], "movie.tif")));
    }

    [Fact]
    public void BenchIoReportsThroughputAsJson()
    {
        using var folder = new TempFolder();
        var (code, output, error) = CliHarness.Run("bench", "io", "--size-mb", "4", "--side", "128", "--dir", folder.Path, "--json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("tiff-stream", json.GetProperty("case").GetString());
        Assert.Equal(128, json.GetProperty("frames").GetInt32());
        Assert.Equal(128, json.GetProperty("width").GetInt32());
        Assert.Equal("u16", json.GetProperty("pixel_type").GetString());
        Assert.True(json.GetProperty("read_mib_per_s").GetDouble() > 0);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    /// <summary>
    /// Streams a 2 GiB multi-page TIFF in a separate process and holds its peak resident memory under 200 MB:
    /// frames are read one at a time, whatever the file size.
    /// </summary>
    [Fact]
    public void ReadingATwoGigabyteTiffStaysUnder200MegabytesResident()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        var perrin = Path.Combine(AppContext.BaseDirectory, "perrin.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { perrin, "bench", "io", "--size-mb", "2048", "--dir", folder.Path, "--json" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.True(json.GetProperty("file_bytes").GetInt64() >= 2L * 1024 * 1024 * 1024);
        var peak = json.GetProperty("read_peak_rss_mib").GetDouble();
        Assert.True(peak < 200, $"peak resident memory while reading was {peak} MiB");
    }
}
