using Perrin.Cli;
using Perrin.Cli.Console;

namespace Perrin.Cli.Tests;

/// <summary>Runs `perrin` in-process with captured output, as a user would call it.</summary>
internal static class CliHarness
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PerrinApp.Run(args, new CliConsole(output, error, interactive: false));
        return (code, output.ToString(), error.ToString());
    }
}
