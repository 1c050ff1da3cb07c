using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Perrin.Core.Randomness;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests.Commands;

public sealed class MsdCommandTests
{
    private const double D = 0.1;
    private const double Dt = 0.05;

    /// <summary>
    /// 150 Brownian tracks of 40 points (D = 0.1 µm²/s, Δt = 50 ms, σ = 30 nm), a frame dropped from every fifth, plus 3
    /// tracks of 4 points, 2 single points and one row without a track id. Positions are instantaneous (no motion blur).
    /// </summary>
    private static LocalizationTable Tracks()
    {
        var rng = new RandomStream(42, 5);
        var rows = new List<Localization>();
        var step = Math.Sqrt(2 * D * Dt) * 1000;
        void Add(long particle, int points)
        {
            double x = rng.Uniform(5_000, 45_000), y = rng.Uniform(5_000, 45_000);
            for (var f = 0; f < points; f++)
            {
                x += step * rng.Normal();
                y += step * rng.Normal();
                if (particle % 5 == 0 && f == 17)
                {
                    continue;
                }

                rows.Add(new Localization(f, x + (30 * rng.Normal()), y + (30 * rng.Normal())) { Particle = particle });
            }
        }

        for (var p = 0; p < 150; p++)
        {
            Add(p, 40);
        }

        Add(500, 4);
        Add(501, 4);
        Add(502, 4);
        Add(600, 1);
        Add(601, 1);
        rows.Add(new Localization(3, 1000, 1000));
        return new LocalizationTable(rows, LocalizationColumns.Particle);
    }

    [Fact]
    public void TrackpyTracksGiveTablesPlotsAndASummary()
    {
        using var folder = new TempFolder();
        LocalizationTableIO.Write(folder["tracks.csv"], Tracks(), TableFormat.Trackpy, 100);

        var (code, output, error) = CliHarness.Run(
            "msd", folder["tracks.csv"], "--px", "100", "--dt", "0.05", "--max-lag", "15", "--min-length", "5", "--estimator", "cve", "--blur", "0",
            "-o", folder["msd.csv"], "--per-track", folder["d.csv"], "--plot", folder["msd.svg"], "--hist", folder["hist.svg"], "--json");
        Assert.True(code == 0, error);

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(150, root.GetProperty("tracks").GetInt32());
        Assert.Equal(2, root.GetProperty("skipped_single_point").GetInt32());
        Assert.Equal(3, root.GetProperty("skipped_short").GetInt32());
        Assert.Equal(1, root.GetProperty("rows_without_particle").GetInt32());
        Assert.InRange(root.GetProperty("D_um2_per_s").GetDouble() / D, 0.93, 1.07);
        Assert.InRange(root.GetProperty("localization_error_nm").GetDouble(), 25, 35);
        Assert.InRange(root.GetProperty("alpha").GetDouble(), 0.7, 1.1);

        var msd = File.ReadAllLines(folder["msd.csv"]);
        Assert.Equal("lag,lag_time_s,msd_um2,pairs,tracks", msd[0]);
        Assert.Equal(16, msd.Length);
        var lag10 = msd[10].Split(',');
        Assert.Equal("10", lag10[0]);
        Assert.Equal(0.5, double.Parse(lag10[1], CultureInfo.InvariantCulture), 12);
        Assert.InRange(double.Parse(lag10[2], CultureInfo.InvariantCulture) / (4 * D * 0.5), 0.9, 1.1);
        Assert.Equal("150", lag10[4]);

        var perTrack = File.ReadAllLines(folder["d.csv"]);
        Assert.Equal(151, perTrack.Length);
        Assert.StartsWith("particle,points,", perTrack[0], StringComparison.Ordinal);
        Assert.StartsWith("0,39,0,39,", perTrack[1], StringComparison.Ordinal);

        var plot = XDocument.Load(folder["msd.svg"]);
        Assert.Equal(150, plot.Descendants().Count(e => (string?)e.Attribute("class") == "track"));
        var hist = XDocument.Load(folder["hist.svg"]);
        Assert.Equal(26, hist.Descendants().Count(e => (string?)e.Attribute("class") == "bar"));
        Assert.Contains("wrote", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ThunderStormTracksWithDriftPrintAReadableSummary()
    {
        using var folder = new TempFolder();
        var drifting = new LocalizationTable(Tracks().Rows.Select(r => r with { X = r.X + (200.0 * r.Frame) }), LocalizationColumns.Particle);
        LocalizationTableIO.Write(folder["tracks.csv"], drifting, TableFormat.ThunderStorm);

        var (code, output, error) = CliHarness.Run("msd", folder["tracks.csv"], "--dt", "0.05", "--drift", "--estimator", "michalet", "-o", folder["msd.csv"]);
        Assert.True(code == 0, error);
        Assert.Contains("Ensemble D (µm²/s)", output, StringComparison.Ordinal);
        Assert.Contains("Drift subtracted, x", output, StringComparison.Ordinal);
        Assert.Contains("Skipped: single point", output, StringComparison.Ordinal);
        Assert.Contains("Michalet", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInputsGetOneLineMessages()
    {
        using var folder = new TempFolder();
        var locs = new LocalizationTable([new Localization(0, 1, 2), new Localization(1, 3, 4)], LocalizationColumns.Required);
        LocalizationTableIO.Write(folder["locs.csv"], locs, TableFormat.ThunderStorm);
        LocalizationTableIO.Write(folder["tracks.csv"], Tracks(), TableFormat.Trackpy, 100);
        var duplicated = new LocalizationTable(Tracks().Rows.Append(new Localization(5, 0, 0) { Particle = 7 }), LocalizationColumns.Particle);
        LocalizationTableIO.Write(folder["dup.csv"], duplicated, TableFormat.ThunderStorm);
        File.WriteAllText(folder["exists.csv"], "keep me");

        AssertFails("no particle column", "msd", folder["locs.csv"], "--dt", "0.1", "-o", folder["o1.csv"]);
        AssertFails("--px", "msd", folder["tracks.csv"], "--dt", "0.1", "-o", folder["o2.csv"]);
        AssertFails("--dt", "msd", folder["tracks.csv"], "--px", "100", "--dt", "0", "-o", folder["o3.csv"]);
        AssertFails("--max-lag", "msd", folder["tracks.csv"], "--px", "100", "--dt", "0.1", "--max-lag", "1", "-o", folder["o4.csv"]);
        AssertFails("--fit-lags", "msd", folder["tracks.csv"], "--px", "100", "--dt", "0.1", "--max-lag", "3", "--fit-lags", "4", "-o", folder["o5.csv"]);
        AssertFails("--blur", "msd", folder["tracks.csv"], "--px", "100", "--dt", "0.1", "--blur", "0.5", "-o", folder["o6.csv"]);
        AssertFails("mle", "msd", folder["tracks.csv"], "--px", "100", "--dt", "0.1", "--estimator", "mle", "-o", folder["o7.csv"]);
        AssertFails("at least 100 points", "msd", folder["tracks.csv"], "--px", "100", "--dt", "0.1", "--min-length", "100", "-o", folder["o8.csv"]);
        AssertFails("two rows in frame 5", "msd", folder["dup.csv"], "--dt", "0.1", "-o", folder["o9.csv"]);
        AssertFails("--force", "msd", folder["tracks.csv"], "--px", "100", "--dt", "0.1", "-o", folder["exists.csv"]);
        AssertFails("nonexistent", "msd", folder["nonexistent.csv"], "--dt", "0.1", "-o", folder["o10.csv"]);
        AssertFails("two outputs", "msd", folder["tracks.csv"], "--px", "100", "--dt", "0.1", "-o", folder["same.csv"], "--per-track", folder["same.csv"]);

        Assert.Equal("keep me", File.ReadAllText(folder["exists.csv"]));
        Assert.False(File.Exists(folder["o8.csv"]));
    }

    private static void AssertFails(string expected, params string[] args)
    {
        var (code, _, error) = CliHarness.Run(args);
        Assert.True(code == 1, $"exit {code}: {error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
