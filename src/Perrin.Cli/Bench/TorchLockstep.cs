using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Perrin.Cli.Bench;

/// <summary>
/// A child Python that steps the PyTorch reference's networks one at a time on request (torch_lockstep.py, shipped in
/// this assembly), so that each PyTorch step can be timed right next to one of ours.
/// </summary>
internal sealed class TorchLockstep : IDisposable
{
    private const string Resource = "Perrin.Cli.Bench.torch_lockstep.py";
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly string _stepper;
    private readonly string _script;
    private bool _finished;

    private TorchLockstep(Process process, string stepper, string script)
    {
        _process = process;
        _stepper = stepper;
        _script = script;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The torch version the child reported.</summary>
    public string Version { get; private set; } = "?";

    /// <summary>Parameter counts of the reference's networks, by case name.</summary>
    public IReadOnlyDictionary<string, long> Parameters { get; private set; } = new Dictionary<string, long>();

    /// <summary>Starts <paramref name="python"/> on the stepper with the reference script and thread count.</summary>
    public static TorchLockstep Start(string python, string script, int threads)
    {
        if (!File.Exists(script)) throw new UserInputException($"--torch-reference {script}: no such file");
        var stepper = Path.Combine(Path.GetTempPath(), $"perrin-torch-lockstep-{Guid.NewGuid():N}.py");
        using (var source = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"TorchLockstep: the resource {Resource} is missing from the build"))
        using (var target = File.Create(stepper))
        {
            source.CopyTo(target);
        }

        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { stepper, Path.GetFullPath(script), threads.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new UserInputException($"could not start {python}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            File.Delete(stepper);
            throw new UserInputException($"--python {python}: could not start it ({e.Message})");
        }

        var lockstep = new TorchLockstep(process, stepper, script);
        try
        {
            var header = lockstep.ReadLine("its start-up line");
            var node = JsonNode.Parse(header) as JsonObject
                ?? throw new UserInputException($"the PyTorch stepper for {script} printed {header}, not its JSON start-up line");
            lockstep.Version = (string?)node["torch"] ?? "?";
            var parameters = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (name, value) in node["params"]?.AsObject() ?? [])
                parameters[name] = (long?)value ?? 0;
            lockstep.Parameters = parameters;
        }
        catch (System.Text.Json.JsonException)
        {
            lockstep.Dispose();
            throw new UserInputException($"the PyTorch stepper for {script} did not start with a JSON line");
        }
        catch
        {
            lockstep.Dispose();
            throw;
        }
        return lockstep;
    }

    /// <summary>Runs one training step (or one no-grad forward pass) of the case in the child and returns its milliseconds.</summary>
    public double Step(string caseName, bool train)
    {
        _process.StandardInput.WriteLine($"{(train ? "train" : "infer")} {caseName}");
        _process.StandardInput.Flush();
        var line = ReadLine($"the time of a {(train ? "training" : "inference")} step of {caseName}");
        if (!double.TryParse(line, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) || !(ms >= 0))
            throw new UserInputException($"the PyTorch stepper for {_script} answered {line} for a step of {caseName}, not milliseconds");
        return ms;
    }

    /// <summary>Closes the child's input, waits for it to end and returns its peak resident memory in MiB, if it reported one.</summary>
    public double? Finish()
    {
        _finished = true;
        _process.StandardInput.Close();
        _process.WaitForExit();
        var stderr = _stderr.Result;
        if (_process.ExitCode != 0) throw Failure(stderr);
        return TorchReference.PeakResidentMb(stderr);
    }

    public void Dispose()
    {
        if (!_finished && !_process.HasExited)
        {
            try
            {
                _process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It ended between the check and the kill.
            }
        }
        _process.Dispose();
        try
        {
            File.Delete(_stepper);
        }
        catch (IOException)
        {
            // A leftover copy of the stepper in the temporary folder is harmless.
        }
    }

    private string ReadLine(string what)
    {
        var line = _process.StandardOutput.ReadLine();
        if (line is not null) return line.Trim();
        _process.WaitForExit();
        throw Failure(_stderr.Result, what);
    }

    private UserInputException Failure(string stderr, string? what = null)
    {
        var exit = _process.HasExited ? $"exit {_process.ExitCode}" : "still running";
        var missing = what is null ? "" : $" before sending {what}";
        return new UserInputException($"the PyTorch stepper for {_script} failed{missing} ({exit}): {TorchReference.LastLines(stderr)}");
    }
}
