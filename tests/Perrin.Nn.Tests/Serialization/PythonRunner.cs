using System.Diagnostics;

namespace Perrin.Nn.Tests.Serialization;

internal static class PythonRunner
{
    /// <summary>Runs a script with arguments and returns its standard output; fails the test on a non-zero exit.</summary>
    public static string Run(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo(PythonFactAttribute.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "python did not finish");
        Assert.True(process.ExitCode == 0, $"python failed: {error}");
        return output.Result;
    }
}
