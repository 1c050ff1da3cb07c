using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests.Commands;

/// <summary>
/// `perrin localize --refine mle` with the shipped smlm-dense network on sparse EMCCD frames of a Gaussian PSF: the
/// refined positions are clearly closer to the truth than the network's, rows it does not refine keep the network's
/// position exactly, the output does not depend on --threads, and bad options are refused by name.
/// </summary>
public sealed partial class LocalizeRefineTests : IClassFixture<SparseSmlmMovie>
{
    private readonly SparseSmlmMovie _movie;

    public LocalizeRefineTests(SparseSmlmMovie movie) => _movie = movie;

    [Fact]
    public void RefinedPositionsAreCloserToTheTruthAndTheRestAreTheNetworks()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("localize", SparseSmlmMovie.Model, _movie.Movie, "-o", folder["net.csv"], "--threads", "1");
        Assert.True(code == 0, error);
        (code, _, error) = CliHarness.Run("localize", SparseSmlmMovie.Model, _movie.Movie, "-o", folder["refined.csv"], "--threads", "1", "--refine", "mle");
        Assert.True(code == 0, error);
        var summary = RefinedSummary().Match(error);
        Assert.True(summary.Success, error);

        var network = LocalizationTableIO.Read(folder["net.csv"]).Rows;
        var refined = LocalizationTableIO.Read(folder["refined.csv"]).Rows;
        Assert.Equal(network.Count, refined.Count);
        var refinedRows = 0;
        for (var i = 0; i < network.Count; i++)
        {
            if (double.IsNaN(refined[i].Uncertainty))
            {
                Assert.Equal((network[i].X, network[i].Y), (refined[i].X, refined[i].Y));
            }
            else
            {
                refinedRows++;
                Assert.InRange(Math.Abs(refined[i].X - network[i].X), 0, 100);
                Assert.InRange(Math.Abs(refined[i].Y - network[i].Y), 0, 100);
            }
        }

        Assert.Equal(int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture), refinedRows);
        Assert.Equal(network.Count, int.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.InRange(refinedRows, network.Count * 3 / 4, network.Count);

        var plain = Evaluate(folder["net.csv"]);
        var better = Evaluate(folder["refined.csv"]);
        Assert.Equal(plain.TruePositives, better.TruePositives);
        Assert.True(better.Rmse < 0.8 * plain.Rmse, $"refined RMSE {better.Rmse} nm, network {plain.Rmse} nm");
    }

    [Fact]
    public void TheRefinedTableDoesNotDependOnThreads()
    {
        using var folder = new TempFolder();
        foreach (var threads in new[] { "1", "2" })
        {
            var (code, _, error) = CliHarness.Run("localize", SparseSmlmMovie.Model, _movie.Movie, "-o", folder[$"t{threads}.csv"], "--threads", threads, "--refine", "mle", "--batch", "2");
            Assert.True(code == 0, error);
        }

        Assert.Equal(File.ReadAllBytes(folder["t1.csv"]), File.ReadAllBytes(folder["t2.csv"]));
    }

    [Theory]
    [InlineData("--refine bogus", "--refine bogus")]
    [InlineData("--refine mle --refine-roi 0", "--refine-roi")]
    [InlineData("--refine mle --refine-sigma 0.1", "--refine-sigma")]
    [InlineData("--refine mle --qe 1.5", "--qe")]
    [InlineData("--refine mle --gain 0", "--gain")]
    [InlineData("--refine mle --em-gain 0.5", "--em-gain")]
    [InlineData("--refine mle --read-noise NaN", "--read-noise")]
    [InlineData("--refine mle --power-normalize", "--power-normalize")]
    [InlineData("--refine-sigma 1.2", "--refine-sigma")]
    [InlineData("--baseline 100", "--baseline")]
    public void BadRefineOptionsAreRefusedByName(string options, string named)
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run(["localize", SparseSmlmMovie.Model, _movie.Movie, "-o", folder["locs.csv"], "--threads", "1", .. options.Split(' ')]);
        Assert.NotEqual(0, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["locs.csv"]));
    }

    private (long TruePositives, double Rmse) Evaluate(string table)
    {
        var (code, json, error) = CliHarness.Run("evaluate", table, _movie.Truth, "--tol", "250", "--json");
        Assert.True(code == 0, error);
        var overall = JsonDocument.Parse(json).RootElement.GetProperty("overall");
        return (overall.GetProperty("true_positives").GetInt64(), overall.GetProperty("rmse_lateral_nm").GetDouble());
    }

    [GeneratedRegex(@"refined (\d+) of (\d+) by Gaussian MLE")]
    private static partial Regex RefinedSummary();
}
