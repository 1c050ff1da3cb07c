using System.Text.Json;

namespace Perrin.Cli.Tests;

public sealed class BenchSimTests
{
    [Fact]
    public void JsonHasEveryCaseWithItsRates()
    {
        var (code, output, error) = CliHarness.Run("bench", "sim", "--images", "3", "--threads", "2", "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("threads").GetInt32());
        Assert.StartsWith("pupil", json.RootElement.GetProperty("psf").GetString(), StringComparison.Ordinal);
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal(["sim-a", "sim-b", "sim-c"], cases.Select(c => c.GetProperty("case").GetString()));
        foreach (var c in cases)
        {
            Assert.True(c.GetProperty("images_per_s").GetDouble() > 0);
            Assert.True(c.GetProperty("images_per_s_1_thread").GetDouble() > 0);
            Assert.Equal(2, c.GetProperty("deeptrack_images_per_s").GetArrayLength());
        }
    }

    [Fact]
    public void RejectsANonPositiveImageCount()
    {
        var (code, _, error) = CliHarness.Run("bench", "sim", "--images", "0");
        Assert.Equal(1, code);
        Assert.Contains("--images", error, StringComparison.Ordinal);
    }
}
