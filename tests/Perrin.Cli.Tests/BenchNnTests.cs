using System.Text.Json.Nodes;

namespace Perrin.Cli.Tests;

public sealed class BenchNnTests
{
    [Fact]
    public void MeasuresBothNetworksAndComparesWithTheReferenceScript()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return;
        }

        using var folder = new TempFolder();
        // A stand-in for torch_reference.py with the same command line and JSON, so the comparison is checked without torch.
        File.WriteAllText(folder["reference.py"], """
            import argparse, json
            ap = argparse.ArgumentParser()
            ap.add_argument("--threads", type=int); ap.add_argument("--steps", type=int); ap.add_argument("--json", action="store_true")
            a = ap.parse_args()
            rows = [{"case": "unet-bench", "params": 481745, "batch": 8, "train_step_ms": 1000.0, "infer_batch_ms": 500.0},
                    {"case": "cnn-bench", "params": 57218, "batch": 32, "train_step_ms": 80.0, "infer_batch_ms": 40.0}]
            print(json.dumps({"torch": "stand-in", "threads": a.threads, "cases": rows}))
            """);
        var (code, output, error) = CliHarness.Run("bench", "nn", "--threads", "1", "--steps", "1", "--json", "--torch-reference", folder["reference.py"]);
        Assert.True(code == 0, error);
        var root = JsonNode.Parse(output)!;
        Assert.Equal(1, (int)root["threads"]!);
        Assert.Equal("stand-in", (string)root["torch"]!["version"]!);
        Assert.True((double)root["torch"]!["peak_rss_mib"]! > 1);
        Assert.True((double)root["sgemm_1024_gflops"]! > 0);
        var cases = root["cases"]!.AsArray();
        Assert.Equal(["unet-bench", "cnn-bench"], cases.Select(c => (string)c!["case"]!));
        Assert.Equal([481745L, 57218L], cases.Select(c => (long)c!["params"]!));
        foreach (var c in cases)
        {
            var ours = (double)c!["train_step_ms"]!;
            var theirs = (double)c["torch_train_step_ms"]!;
            Assert.True(ours > 0);
            // The ratio is taken before the times are rounded for the JSON, so it may sit on the other side of a rounding boundary.
            Assert.InRange((double)c["train_speedup_vs_torch"]!, theirs / ours - 0.011, theirs / ours + 0.011);
        }
    }

    [Fact]
    public void PairedRoundsReportTheMedianOfEachRoundsOwnRatio()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return;
        }

        using var folder = new TempFolder();
        // The stand-in answers 1000 ms on its first run and 100000 ms on its second, as a machine that slows down would;
        // a hundredfold keeps the order of the rounds' ratios whatever load slows Perrin's own rounds.
        File.WriteAllText(folder["reference.py"], $$"""
            import argparse, json, os
            ap = argparse.ArgumentParser()
            ap.add_argument("--threads", type=int); ap.add_argument("--steps", type=int); ap.add_argument("--json", action="store_true")
            a = ap.parse_args()
            mark = {{System.Text.Json.JsonSerializer.Serialize(folder["runs"])}}
            runs = int(open(mark).read()) if os.path.exists(mark) else 0
            open(mark, "w").write(str(runs + 1))
            t = 1000.0 if runs == 0 else 100000.0
            rows = [{"case": "unet-bench", "params": 481745, "batch": 8, "train_step_ms": t, "infer_batch_ms": t / 2},
                    {"case": "cnn-bench", "params": 57218, "batch": 32, "train_step_ms": t / 10, "infer_batch_ms": t / 20}]
            print(json.dumps({"torch": "stand-in", "threads": a.threads, "cases": rows}))
            """);
        var (code, output, error) = CliHarness.Run("bench", "nn", "--threads", "1", "--steps", "1", "--rounds", "2", "--json",
            "--torch-reference", folder["reference.py"]);
        Assert.True(code == 0, error);
        Assert.Equal("2", File.ReadAllText(folder["runs"]));
        var root = JsonNode.Parse(output)!;
        Assert.Equal(2, (int)root["rounds"]!);
        foreach (var c in root["cases"]!.AsArray())
        {
            var name = (string)c!["case"]!;
            Assert.Equal(name == "unet-bench" ? 50500.0 : 5050.0, (double)c["torch_train_step_ms"]!, 6);
            var perRound = c["train_speedup_rounds"]!.AsArray().Select(r => (double)r!).ToArray();
            Assert.Equal(2, perRound.Length);
            // The second round's reference was a hundred times slower, so its ratio is the larger one.
            Assert.True(perRound[1] > perRound[0], $"{name}: {string.Join(", ", perRound)}");
            // Each listed ratio and the median are rounded to 0.01 on their own, so they agree to within that.
            Assert.Equal(0.5 * (perRound[0] + perRound[1]), (double)c["train_speedup_vs_torch"]!, 0.0101);
            Assert.Equal(2, c["infer_speedup_rounds"]!.AsArray().Count);
        }
    }

    [Fact]
    public void RoundsOutOfRangeAreRefusedByName()
    {
        var (code, _, error) = CliHarness.Run("bench", "nn", "--rounds", "0");
        Assert.Equal(1, code);
        Assert.Contains("--rounds 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingReferenceScriptFailsBeforeMeasuring()
    {
        var (code, _, error) = CliHarness.Run("bench", "nn", "--torch-reference", "/no/such/reference.py");
        Assert.Equal(1, code);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }
}
