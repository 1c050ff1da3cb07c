using System.Globalization;
using System.Text.RegularExpressions;

namespace Perrin.Cli.Tests.Commands;

public sealed partial class DemoCommandTests
{
    /// <summary>
    /// Half the built-in network's F1 at 1 particle/µm² on the tiny configuration below (0.40 for the development
    /// model of 300 training steps; a better model only raises it); a network that outputs noise or nothing, or a
    /// decoder that misplaces its maxima by more than the 2 px tolerance, scores near 0.
    /// </summary>
    private const double NetworkF1Floor = 0.2;

    private static readonly string[] Methods = ["network", "network+ipsf", "crocker-grier", "radial", "gauss-mle"];

    /// <summary>
    /// The demo on 128×128 frames, 10 frames at two densities: it exits 0, prints the summary, and writes index.html
    /// whose every referenced file exists, a results table with a finite row per method and density, and the D table.
    /// </summary>
    [Fact]
    public void TinyDemoWritesTheWholeReportWithFiniteNumbers()
    {
        using var folder = new TempFolder();
        var output = folder["report"];

        var (code, stdout, error) = CliHarness.Run("demo", "-o", output, "--size", "128", "--frames", "10", "--densities", "1,4", "--threads", "2");

        Assert.True(code == 0, error + stdout);
        Assert.Contains("gauss-mle", stdout, StringComparison.Ordinal);
        Assert.Contains("true D = 0.3", stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(output, "index.html"));
        var referenced = ReferencePattern().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains("f1.svg", referenced);
        Assert.Contains("rmse.svg", referenced);
        Assert.Contains("training-curve.svg", referenced);
        Assert.Contains("tracks-d1.svg", referenced);
        Assert.Contains("frame-d4-network.png", referenced);
        Assert.Contains("frame-d4-gauss-mle.png", referenced);
        Assert.Contains("frame-d4-network+ipsf.png", referenced);
        foreach (var name in referenced)
        {
            Assert.True(File.Exists(Path.Combine(output, name)), $"index.html references {name}, which is missing");
        }

        var rows = Table(Path.Combine(output, "results.csv"));
        Assert.Equal(2 * Methods.Length, rows.Count);
        foreach (var row in rows)
        {
            Assert.Contains(row["method"], Methods);
            foreach (var (column, cell) in row.Where(c => c.Key != "method"))
            {
                Assert.True(cell.Length == 0 || double.IsFinite(double.Parse(cell, CultureInfo.InvariantCulture)), $"{column} = {cell}");
            }
        }

        var network = rows.Where(r => r["method"] == "network").ToList();
        // The bright-particle columns are empty only where a movie holds no particle of |contrast| ≥ 0.02.
        Assert.All(network, r => Assert.All(r.Where(c => !c.Key.EndsWith("contrast_ge_0.02", StringComparison.Ordinal)),
            cell => Assert.NotEqual(string.Empty, cell.Value)));
        Assert.All(rows, r => Assert.True(r.ContainsKey("rmse_nm_contrast_ge_0.02") && r.ContainsKey("recall_contrast_ge_0.02")));
        var bright = network.Where(r => int.Parse(r["truths_contrast_ge_0.02"], CultureInfo.InvariantCulture) > 0).ToList();
        Assert.NotEmpty(bright);
        Assert.All(bright, r => Assert.InRange(double.Parse(r["recall_contrast_ge_0.02"], CultureInfo.InvariantCulture), 0, 1));
        var lowest = network.Single(r => r["density_per_um2"] == "1");
        var f1 = double.Parse(lowest["f1"], CultureInfo.InvariantCulture);
        Assert.True(f1 > NetworkF1Floor, $"network F1 at 1/µm² is {f1}");
        Assert.True(double.Parse(lowest["rmse_nm"], CultureInfo.InvariantCulture) < 46);
        Assert.Equal(4, Table(Path.Combine(output, "diffusion.csv")).Count);

        // The refinement keeps a row for every network row and adds the splits' second scatterers; its positions come
        // from the fit, so a fit that drifted would fall below the floor at 1/µm².
        foreach (var density in new[] { "1", "4" })
        {
            var plain = network.Single(r => r["density_per_um2"] == density);
            var refined = rows.Single(r => r["method"] == "network+ipsf" && r["density_per_um2"] == density);
            Assert.True(int.Parse(refined["detections"], CultureInfo.InvariantCulture) >= int.Parse(plain["detections"], CultureInfo.InvariantCulture), $"d{density}: {refined["detections"]} vs {plain["detections"]} rows");
            Assert.True(double.Parse(refined["rmse_nm"], CultureInfo.InvariantCulture) < 46);
        }

        var refinedF1 = double.Parse(rows.Single(r => r["method"] == "network+ipsf" && r["density_per_um2"] == "1")["f1"], CultureInfo.InvariantCulture);
        Assert.True(refinedF1 > NetworkF1Floor, $"network+ipsf F1 at 1/µm² is {refinedF1}");

        var setups = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("--refine-split 300", setups, StringComparison.Ordinal);
    }

    [Fact]
    public void RefineNoneScoresTheFourMethodsAlone()
    {
        using var folder = new TempFolder();
        var output = folder["report"];

        var (code, stdout, error) = CliHarness.Run("demo", "-o", output, "--size", "64", "--frames", "3", "--densities", "1", "--threads", "1", "--refine", "none");

        Assert.True(code == 0, error + stdout);
        var rows = Table(Path.Combine(output, "results.csv"));
        Assert.Equal(["network", "crocker-grier", "radial", "gauss-mle"], rows.Select(r => r["method"]));
    }

    [Theory]
    [InlineData("--densities", "0")]
    [InlineData("--densities", "1,1")]
    [InlineData("--size", "16")]
    [InlineData("--seed", "1")]
    [InlineData("--model", "no-such-model.safetensors")]
    [InlineData("--refine", "mle")]
    public void BadOptionsAreUserErrorsNamingTheOption(string option, string value)
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("demo", "-o", folder["report"], "--size", "64", "--frames", "2", option, value);
        Assert.Equal(1, code);
        Assert.Contains(option == "--model" ? value : option, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder["report"], "index.html")));
    }

    private static List<Dictionary<string, string>> Table(string path)
    {
        var lines = File.ReadAllLines(path);
        var names = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => names.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    [GeneratedRegex("(?:src|href)=\"([^\"#]+)\"")]
    private static partial Regex ReferencePattern();
}
