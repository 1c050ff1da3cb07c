using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Perrin.Cli.Console;

/// <summary>
/// Prints Perrin's own version. The default reads the entry assembly, which is not Perrin when the command
/// line runs inside another host (tests, or a program embedding it).
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    private readonly CliConsole _console;

    public VersionAction(CliConsole console)
    {
        _console = console;
    }

    public static string Version
    {
        get
        {
            var assembly = typeof(VersionAction).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "unknown";
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        _console.Out.WriteLine(Version);
        return ExitCodes.Ok;
    }
}
