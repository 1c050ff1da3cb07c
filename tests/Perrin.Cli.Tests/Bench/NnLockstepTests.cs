using System.Text.Json.Nodes;

namespace Perrin.Cli.Tests.Bench;

/// <summary>
/// `perrin bench nn --lockstep` against a stand-in for the PyTorch stepper: an executable given as --python that
/// speaks the stepper's line protocol, so the pairing is checked without torch.
/// </summary>
public sealed class NnLockstepTests
{
    [Fact]
    public void EveryStepIsPairedAndTheSpeedupIsTheMedianOfThePairs()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh")) return;
        using var folder = new TempFolder();
        File.WriteAllText(folder["reference.py"], "# only its path is passed on\n");
        // Each answer is eight times slower than the one before, as on a machine that slows down much more than our own
        // steps vary: the n-th request of a network takes 8ⁿ ms. Requests are logged so their number and order can be
        // checked.
        var stepper = folder["python"];
        File.WriteAllText(stepper, $$$"""
            #!/bin/sh
            echo '{"torch": "stand-in", "params": {"unet-bench": 481745, "cnn-bench": 57218}}'
            n=0; last=""
            while read kind name; do
              n=$((n + 1))
              echo "$kind $name" >> '{{{folder["requests"]}}}'
              if [ "$name" != "$last" ]; then n=1; last="$name"; fi
              echo "$((1 << (3 * n)))"
            done
            echo "peak_rss_kib 4096" >&2
            """);
        File.SetUnixFileMode(stepper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var (code, output, error) = CliHarness.Run("bench", "nn", "--threads", "1", "--steps", "3", "--lockstep", "--json",
            "--torch-reference", folder["reference.py"], "--python", stepper);
        Assert.True(code == 0, error);
        var root = JsonNode.Parse(output)!;
        Assert.True((bool)root["lockstep"]!);
        Assert.Equal(3, (int)root["pairs"]!);
        Assert.Equal("stand-in", (string)root["torch"]!["version"]!);
        Assert.Equal(4.0, (double)root["torch"]!["peak_rss_mib"]!, 6);

        // Per network: 3 warm-up and 3 timed training steps, then as many inference passes.
        var requests = File.ReadAllLines(folder["requests"]);
        string[] expected = [.. Enumerable.Repeat("train unet-bench", 6), .. Enumerable.Repeat("infer unet-bench", 6),
            .. Enumerable.Repeat("train cnn-bench", 6), .. Enumerable.Repeat("infer cnn-bench", 6)];
        Assert.Equal(expected, requests);

        foreach (var c in root["cases"]!.AsArray())
        {
            var name = (string)c!["case"]!;
            // The timed training steps were the network's requests 4, 5 and 6; the median of them is the middle one.
            Assert.Equal(Math.Pow(8, 5), (double)c["torch_train_step_ms"]!, 6);
            Assert.Equal(name == "unet-bench" ? 481745L : 57218L, (long)c["params"]!);
            var pairs = c["train_speedup_pairs"]!.AsArray().Select(r => (double)r!).ToArray();
            Assert.Equal(3, pairs.Length);
            Assert.Equal(3, c["infer_speedup_pairs"]!.AsArray().Count);
            // Each pair's ratio grows with the stand-in's slowing, and the speed-up is the middle one of them.
            Assert.True(pairs[0] < pairs[1] && pairs[1] < pairs[2], $"{name}: {string.Join(", ", pairs)}");
            Assert.Equal(pairs[1], (double)c["train_speedup_vs_torch"]!, 6);
        }
    }

    [Fact]
    public void LockstepNeedsTheReferenceAndRefusesRounds()
    {
        var (code, _, error) = CliHarness.Run("bench", "nn", "--lockstep");
        Assert.Equal(1, code);
        Assert.Contains("--lockstep needs --torch-reference", error, StringComparison.Ordinal);

        using var folder = new TempFolder();
        File.WriteAllText(folder["reference.py"], "\n");
        (code, _, error) = CliHarness.Run("bench", "nn", "--lockstep", "--rounds", "3", "--torch-reference", folder["reference.py"]);
        Assert.Equal(1, code);
        Assert.Contains("--rounds 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AStepperThatFailsIsReportedWithItsLastWords()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh")) return;
        using var folder = new TempFolder();
        File.WriteAllText(folder["reference.py"], "\n");
        var stepper = folder["python"];
        File.WriteAllText(stepper, """
            #!/bin/sh
            echo "ModuleNotFoundError: No module named 'torch'" >&2
            exit 1
            """);
        File.SetUnixFileMode(stepper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var (code, _, error) = CliHarness.Run("bench", "nn", "--threads", "1", "--steps", "1", "--lockstep",
            "--torch-reference", folder["reference.py"], "--python", stepper);
        Assert.Equal(1, code);
        Assert.Contains("PyTorch stepper", error, StringComparison.Ordinal);
        Assert.Contains("No module named 'torch'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
