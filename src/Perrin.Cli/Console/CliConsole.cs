using Spectre.Console;

namespace Perrin.Cli.Console;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, messages and progress to <see cref="Error"/>,
/// so that `perrin info --json f.tif > info.json` stays clean.
/// </summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool interactive)
    {
        Out = output;
        Error = error;
        Interactive = interactive;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        AnsiError = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>True when a person watches a terminal: progress bars are drawn only then.</summary>
    public bool Interactive { get; }

    /// <summary>Rich output (tables) on standard output.</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>Rich output (progress bars) on standard error.</summary>
    public IAnsiConsole AnsiError { get; }

    public static CliConsole FromProcess() =>
        new(System.Console.Out, System.Console.Error, !System.Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);
}
