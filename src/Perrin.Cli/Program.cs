using Perrin.Cli.Console;

namespace Perrin.Cli;

internal static class Program
{
    private static int Main(string[] args) => PerrinApp.Run(args, CliConsole.FromProcess());
}
