using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Perrin.Cli.Bench;

/// <summary>
/// Runs the PyTorch reference script (BENCHMARKS.md) in a child Python with the same threads and steps, and reads
/// its JSON and its peak resident memory, so that both sides are measured in one run on one machine.
/// </summary>
internal static class TorchReference
{
    // Runs the script as __main__ and reports the interpreter's peak RSS (KiB on Linux) on the last stderr line.
    private const string Wrapper =
        "import resource, runpy, sys; script = sys.argv[1]; sys.argv = sys.argv[1:]; " +
        "runpy.run_path(script, run_name='__main__'); " +
        "print('peak_rss_kib', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)";

    public static TorchReferenceResult Run(string python, string script, int threads, int steps)
    {
        if (!File.Exists(script)) throw new UserInputException($"--torch-reference {script}: no such file");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-c", Wrapper, script, "--json", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--steps", steps.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new UserInputException($"could not start {python}");
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var stderr = stderrTask.Result;
        if (process.ExitCode != 0)
        {
            throw new UserInputException($"the PyTorch reference {script} failed (exit {process.ExitCode}): {LastLines(stderr)}");
        }

        var json = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.TrimStart().StartsWith('{'))
            ?? throw new UserInputException($"the PyTorch reference {script} printed no JSON");
        var node = JsonNode.Parse(json) ?? throw new UserInputException($"the PyTorch reference {script} printed invalid JSON");
        var cases = new Dictionary<string, NnBenchResult>(StringComparer.Ordinal);
        foreach (var c in node["cases"]?.AsArray() ?? [])
        {
            if (c is null) continue;
            var name = (string?)c["case"] ?? "";
            cases[name] = new NnBenchResult(name, (long?)c["params"] ?? 0, (int?)c["batch"] ?? 0,
                (double?)c["train_step_ms"] ?? double.NaN, (double?)c["infer_batch_ms"] ?? double.NaN);
        }

        return new TorchReferenceResult((string?)node["torch"] ?? "?", cases, PeakResidentMb(stderr));
    }

    /// <summary>The peak resident memory in MiB from a "peak_rss_kib N" line of the child's standard error, if any.</summary>
    public static double? PeakResidentMb(string stderr)
    {
        double? peak = null;
        foreach (var line in stderr.Split('\n'))
        {
            var parts = line.Trim().Split(' ');
            if (parts.Length == 2 && parts[0] == "peak_rss_kib" && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var kib))
                peak = kib / 1024.0;
        }
        return peak;
    }

    /// <summary>The last three non-empty lines of the child's standard error, for an error message.</summary>
    public static string LastLines(string stderr) =>
        string.Join('\n', stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
}
