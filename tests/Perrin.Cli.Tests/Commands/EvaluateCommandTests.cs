using System.Text.Json;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests.Commands;

public sealed class EvaluateCommandTests
{
    private static readonly Localization[] Truth =
    [
        new(0, 1000, 1000) { Intensity = 700 }, new(0, 3000, 1000) { Intensity = 700 },
        new(1, 2000, 2000) { Intensity = 2800 }, new(2, 500, 4000) { Intensity = 2800 },
    ];

    [Fact]
    public void ScoresAThunderStormTableAgainstChallengeTruthAsJson()
    {
        using var folder = new TempFolder();
        WriteTruth(folder);
        Write(folder["locs.csv"], Truth.Select(t => new Localization(t.Frame, t.X + 30, t.Y - 40)).Append(new Localization(2, 9000, 9000)), TableFormat.ThunderStorm);

        var (code, output, error) = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"], "--json");

        Assert.True(code == 0, error);
        var overall = JsonDocument.Parse(output).RootElement.GetProperty("overall");
        Assert.Equal(4, overall.GetProperty("true_positives").GetInt64());
        Assert.Equal(1, overall.GetProperty("false_positives").GetInt64());
        Assert.Equal(0, overall.GetProperty("false_negatives").GetInt64());
        Assert.Equal(80.0, overall.GetProperty("jaccard_percent").GetDouble());
        Assert.Equal(50.0, overall.GetProperty("rmse_lateral_nm").GetDouble());
        Assert.Equal(30.0, overall.GetProperty("bias_x_nm").GetDouble());
        Assert.Equal(100 - Math.Sqrt((20.0 * 20) + (50.0 * 50)), overall.GetProperty("efficiency").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, overall.GetProperty("rmse_axial_nm").ValueKind);
    }

    [Fact]
    public void PrintsASummaryTableAndWritesPerFrameScores()
    {
        using var folder = new TempFolder();
        WriteTruth(folder);
        Write(folder["locs.csv"], Truth.Take(3).Select(t => new Localization(t.Frame, t.X, t.Y + 10)), TableFormat.ThunderStorm);

        var (code, output, error) = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"], "--per-frame", folder["frames.csv"]);

        Assert.True(code == 0, error);
        Assert.Contains("Jaccard (%)", output);
        Assert.Contains("75", output);
        var lines = File.ReadAllLines(folder["frames.csv"]);
        Assert.StartsWith("frame,truth,detections,tp,fp,fn,jaccard_percent", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("1,2,2,2,0,0,100,1,1,10,NaN,0,10,NaN", lines[1]); // ThunderSTORM frames count from 1
        Assert.StartsWith("3,1,0,0,0,1,0,0,NaN,NaN", lines[3]);
    }

    [Fact]
    public void TrackpyDetectionsNeedThePixelSizeAndThenPair()
    {
        using var folder = new TempFolder();
        WriteTruth(folder);
        var table = new LocalizationTable(Truth.Select(t => new Localization(t.Frame, t.X, t.Y)), LocalizationColumns.Required);
        LocalizationTableIO.Write(folder["tp.csv"], table, TableFormat.Trackpy, 100);

        var without = CliHarness.Run("evaluate", folder["tp.csv"], folder["truth.csv"]);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("--pixel-size", without.Error);

        var (code, output, error) = CliHarness.Run("evaluate", folder["tp.csv"], folder["truth.csv"], "--pixel-size", "100", "--json", "--greedy");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(4, json.GetProperty("overall").GetProperty("true_positives").GetInt64());
        Assert.Equal("greedy", json.GetProperty("options").GetProperty("rule").GetString());
    }

    [Fact]
    public void ComparesWithTheCramerRaoBound()
    {
        using var folder = new TempFolder();
        WriteTruth(folder);

        // σ = 100 nm, a = 120 nm, no background: bounds 16 nm² (700 photons) and 4 nm² (2800 photons) per axis.
        var errors = new[] { 4.0, 4.0, 2.0, 2.0 };
        Write(folder["locs.csv"], Truth.Select((t, i) => new Localization(t.Frame, t.X + errors[i], t.Y - errors[i])), TableFormat.ThunderStorm);

        var half = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"], "--crlb-sigma", "100");
        Assert.Equal(1, half.ExitCode);
        Assert.Contains("--crlb-background", half.Error);

        var (code, output, error) = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"], "--crlb-sigma", "100", "--crlb-background", "0", "--pixel-size", "120", "--json");
        Assert.True(code == 0, error);
        var overall = JsonDocument.Parse(output).RootElement.GetProperty("overall");
        Assert.Equal(Math.Sqrt(10), overall.GetProperty("crlb_nm").GetDouble(), 12);
        Assert.Equal(1.0, overall.GetProperty("rmse_over_crlb").GetDouble(), 12);
    }

    [Fact]
    public void BadInputsGiveClearMessages()
    {
        using var folder = new TempFolder();
        WriteTruth(folder);
        Write(folder["locs.csv"], Truth, TableFormat.ThunderStorm);
        Write(folder["empty.csv"], [], TableFormat.ThunderStorm);
        Write(folder["pixels.csv"], Truth.Select(t => new Localization(t.Frame, t.X / 100, t.Y / 100)), TableFormat.ThunderStorm);

        AssertFails(["evaluate", folder["locs.csv"], folder["empty.csv"]], "no ground truth");
        AssertFails(["evaluate", folder["locs.csv"], folder["truth.csv"], "--tol-z", "500"], "no z column");
        AssertFails(["evaluate", folder["pixels.csv"], folder["truth.csv"]], "other units");
        AssertFails(["evaluate", folder["locs.csv"], folder["truth.csv"], "--tol", "0"], "--tol must be a positive");
        AssertFails(["evaluate", folder["missing.csv"], folder["truth.csv"]], "missing.csv");

        var none = CliHarness.Run("evaluate", folder["empty.csv"], folder["truth.csv"], "--json");
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("no localizations", none.Error);
        Assert.Equal(4, JsonDocument.Parse(none.Out).RootElement.GetProperty("overall").GetProperty("false_negatives").GetInt64());
    }

    [Fact]
    public void WarnsWhenTheFramesLookOffByOne()
    {
        using var folder = new TempFolder();
        var truth = Enumerable.Range(0, 20).Select(f => new Localization(f, 1000 + (1000 * f), 2000)).ToArray();
        Write(folder["truth.csv"], truth, TableFormat.SmlmChallenge);
        Write(folder["locs.csv"], truth.Select(t => t with { Frame = t.Frame + 1 }), TableFormat.ThunderStorm);

        var (code, _, error) = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"]);

        Assert.Equal(0, code);
        Assert.Contains("frame numbers are moved by -1", error);
    }

    private static void AssertFails(string[] args, string expected)
    {
        var (code, _, error) = CliHarness.Run(args);
        Assert.Equal(1, code);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("internal error", error);
    }

    [Fact]
    public void ReportsRecallAndRmsePerBinOfTruthIntensity()
    {
        using var folder = new TempFolder();
        WriteTruth(folder);
        // The two 700-photon truths: one found 30 nm off, one missed; the 2800-photon truths both found 40 nm off.
        Write(folder["locs.csv"], [new Localization(0, 1030, 1000), new Localization(1, 2000, 2040), new Localization(2, 540, 4000)], TableFormat.ThunderStorm);

        var (code, output, error) = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"], "--json", "--by-intensity", "0, 1000,5000");

        Assert.True(code == 0, error);
        var bins = JsonDocument.Parse(output).RootElement.GetProperty("by_truth_intensity");
        Assert.Equal(2, bins.GetArrayLength());
        Assert.Equal((2, 1), (bins[0].GetProperty("truths").GetInt32(), bins[0].GetProperty("matched").GetInt32()));
        Assert.Equal(0.5, bins[0].GetProperty("recall").GetDouble());
        Assert.Equal(30.0, bins[0].GetProperty("rmse_lateral_nm").GetDouble(), 9);
        Assert.Equal(1.0, bins[1].GetProperty("recall").GetDouble());
        Assert.Equal(40.0, bins[1].GetProperty("rmse_lateral_nm").GetDouble(), 9);

        (code, output, error) = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"], "--by-intensity", "0,1000,5000");
        Assert.True(code == 0, error);
        Assert.Contains("|truth intensity|", output);
        Assert.Contains("1000 – 5000", output);
    }

    [Theory]
    [InlineData("0,x", "edge 2 ('x') is not a number")]
    [InlineData("0", "at least two edges")]
    [InlineData("0,2,1", "strictly increasing; edge 3")]
    public void BadIntensityEdgesAreRefusedByName(string edges, string expected)
    {
        using var folder = new TempFolder();
        WriteTruth(folder);
        Write(folder["locs.csv"], Truth, TableFormat.ThunderStorm);
        var (code, _, error) = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"], "--by-intensity", edges);
        Assert.Equal(1, code);
        Assert.Contains($"--by-intensity {edges}", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void IntensityBinsNeedTheTruthsIntensity()
    {
        using var folder = new TempFolder();
        Write(folder["truth.csv"], Truth.Select(t => new Localization(t.Frame, t.X, t.Y)), TableFormat.ThunderStorm);
        Write(folder["locs.csv"], Truth.Select(t => new Localization(t.Frame, t.X, t.Y)), TableFormat.ThunderStorm);
        var (code, _, error) = CliHarness.Run("evaluate", folder["locs.csv"], folder["truth.csv"], "--by-intensity", "0,1");
        Assert.Equal(1, code);
        Assert.Contains("no intensity column", error, StringComparison.Ordinal);
    }

    private static void WriteTruth(TempFolder folder) => Write(folder["truth.csv"], Truth, TableFormat.SmlmChallenge);

    private static void Write(string path, IEnumerable<Localization> rows, TableFormat format)
    {
        var list = rows.ToList();
        var columns = list.Any(r => double.IsFinite(r.Intensity)) ? LocalizationColumns.Required | LocalizationColumns.Intensity : LocalizationColumns.Required;
        LocalizationTableIO.Write(path, new LocalizationTable(list, columns), format);
    }
}
