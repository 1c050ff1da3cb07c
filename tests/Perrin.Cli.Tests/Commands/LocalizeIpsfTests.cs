using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests.Commands;

/// <summary>
/// `perrin localize --refine ipsf` with the shipped iscat-dense network on frames of bright, partly overlapping
/// scatterers: the joint iPSF fit brings the positions clearly closer to the truth without losing any, rows it does
/// not refine keep the network's position, the output does not depend on --threads, and its options are checked.
/// </summary>
public sealed partial class LocalizeIpsfTests : IClassFixture<IscatPairsMovie>
{
    private readonly IscatPairsMovie _movie;

    public LocalizeIpsfTests(IscatPairsMovie movie) => _movie = movie;

    [Fact]
    public void TheJointFitIsCloserToTheTruthThanTheNetwork()
    {
        using var folder = new TempFolder();
        var (shifts, error) = NetworkThenRefined(folder);
        var summary = RefinedSummary().Match(error);
        Assert.True(summary.Success, error);

        var moved = 0;
        foreach (var shift in shifts)
        {
            Assert.InRange(shift, 0, 4 * 23);
            moved += shift > 0 ? 1 : 0;
        }

        Assert.Equal(int.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture), shifts.Length);
        Assert.Equal(int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture), moved);
        Assert.InRange(moved, shifts.Length * 2 / 3, shifts.Length);

        var plain = Evaluate(folder["net.csv"]);
        var better = Evaluate(folder["fit.csv"]);
        Assert.True(better.TruePositives >= plain.TruePositives, $"fit {better.TruePositives} matches, network {plain.TruePositives}");
        Assert.True(better.Rmse < 0.8 * plain.Rmse, $"fit RMSE {better.Rmse} nm, network {plain.Rmse} nm");
    }

    [Fact]
    public void TheFittedTableDoesNotDependOnThreads()
    {
        using var folder = new TempFolder();
        foreach (var threads in new[] { "1", "2" })
        {
            var (code, _, error) = CliHarness.Run("localize", IscatPairsMovie.Model, _movie.Movie, "-o", folder[$"t{threads}.csv"], "--threads", threads, "--refine", "ipsf", "--refine-search", "20", "--refine-split", "100");
            Assert.True(code == 0, error);
        }

        Assert.Equal(File.ReadAllBytes(folder["t1.csv"]), File.ReadAllBytes(folder["t2.csv"]));
    }

    [Theory]
    [InlineData("--refine ipsf --refine-roi 3", "--refine-roi")]
    [InlineData("--refine ipsf --qe 0.9", "--qe")]
    [InlineData("--refine ipsf --refine-search -1", "--refine-search")]
    [InlineData("--refine ipsf --dra 2", "--dra")]
    [InlineData("--refine-search 20", "--refine-search")]
    [InlineData("--refine mle --refine-search 20", "--refine-search")]
    [InlineData("--refine ipsf --refine-split -5", "--refine-split")]
    [InlineData("--refine ipsf --refine-split NaN", "--refine-split")]
    [InlineData("--refine mle --refine-split 300", "--refine-split")]
    [InlineData("--refine ipsf --refine-max-shift 0", "--refine-max-shift")]
    [InlineData("--refine mle --refine-max-shift NaN", "--refine-max-shift")]
    [InlineData("--refine-max-shift 3", "--refine-max-shift")]
    public void BadIpsfOptionsAreRefusedByName(string options, string named)
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run(["localize", IscatPairsMovie.Model, _movie.Movie, "-o", folder["locs.csv"], "--threads", "1", .. options.Split(' ')]);
        Assert.NotEqual(0, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["locs.csv"]));
    }

    /// <summary>The split runs end to end and the summary says where the added rows came from; every detection keeps a row.</summary>
    [Fact]
    public void SplitsAreCountedInTheSummary()
    {
        using var folder = new TempFolder();
        var (code, output, error) = CliHarness.Run("localize", IscatPairsMovie.Model, _movie.Movie, "-o", folder["split.csv"], "--threads", "2", "--refine", "ipsf", "--refine-split", "300");
        Assert.True(code == 0, error);
        var added = Regex.Match(output + error, @"(\d+) added by splitting detections");
        Assert.True(added.Success, output + error);
        var (plainCode, _, plainError) = CliHarness.Run("localize", IscatPairsMovie.Model, _movie.Movie, "-o", folder["plain.csv"], "--threads", "2", "--refine", "ipsf");
        Assert.True(plainCode == 0, plainError);
        Assert.Equal(File.ReadAllLines(folder["plain.csv"]).Length + int.Parse(added.Groups[1].Value, CultureInfo.InvariantCulture), File.ReadAllLines(folder["split.csv"]).Length);
    }

    /// <summary>A tight --refine-max-shift holds every fit: each row keeps the network's position or stays within it, and the summary says how many were held.</summary>
    [Fact]
    public void TheLargestShiftIsTheOptions()
    {
        using var folder = new TempFolder();
        var (shifts, error) = NetworkThenRefined(folder, "--refine-max-shift", "0.05");
        var held = Regex.Match(error, @"(\d+) moved > 0\.05 px");
        Assert.True(held.Success, error);
        var kept = 0;
        foreach (var shift in shifts)
        {
            Assert.InRange(shift, 0, 0.05 * 23);
            kept += shift == 0 ? 1 : 0;
        }

        Assert.True(int.Parse(held.Groups[1].Value, CultureInfo.InvariantCulture) > shifts.Length / 2, error);
        Assert.True(kept >= int.Parse(held.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ANonIscatModelIsRefused()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("localize", SparseSmlmMovie.Model, _movie.Movie, "-o", folder["locs.csv"], "--threads", "1", "--refine", "ipsf");
        Assert.NotEqual(0, code);
        Assert.Contains("applies to iscat models", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["locs.csv"]));
    }

    /// <summary>
    /// The movie localized by the network alone (net.csv) and refined by --refine ipsf with <paramref name="options"/>
    /// (fit.csv), one thread each: how far each row moved, in nm (both tables have the same rows), and the refined run's
    /// standard error.
    /// </summary>
    private (double[] Shifts, string Error) NetworkThenRefined(TempFolder folder, params string[] options)
    {
        var (code, _, error) = CliHarness.Run("localize", IscatPairsMovie.Model, _movie.Movie, "-o", folder["net.csv"], "--threads", "1");
        Assert.True(code == 0, error);
        (code, _, error) = CliHarness.Run(["localize", IscatPairsMovie.Model, _movie.Movie, "-o", folder["fit.csv"], "--threads", "1", "--refine", "ipsf", .. options]);
        Assert.True(code == 0, error);
        var network = LocalizationTableIO.Read(folder["net.csv"]).Rows;
        var fitted = LocalizationTableIO.Read(folder["fit.csv"]).Rows;
        Assert.Equal(network.Count, fitted.Count);
        return ([.. network.Zip(fitted, (n, f) => Math.Sqrt(Math.Pow(f.X - n.X, 2) + Math.Pow(f.Y - n.Y, 2)))], error);
    }

    private (long TruePositives, double Rmse) Evaluate(string table)
    {
        var (code, json, error) = CliHarness.Run("evaluate", table, _movie.Truth, "--tol", "46", "--json");
        Assert.True(code == 0, error);
        var overall = JsonDocument.Parse(json).RootElement.GetProperty("overall");
        return (overall.GetProperty("true_positives").GetInt64(), overall.GetProperty("rmse_lateral_nm").GetDouble());
    }

    [GeneratedRegex(@"refined (\d+) of (\d+) by a joint iPSF fit")]
    private static partial Regex RefinedSummary();
}
