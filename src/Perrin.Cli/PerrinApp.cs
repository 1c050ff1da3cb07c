using System.CommandLine;
using Perrin.Cli.Commands;
using Perrin.Cli.Console;

namespace Perrin.Cli;

/// <summary>The `perrin` command line: builds the command tree and runs it with a given console.</summary>
internal static class PerrinApp
{
    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("Perrin: quantitative digital microscopy with deep learning")
        {
            InfoCommand.Create(console),
            ConvertCommand.Create(console),
            SimulateCommand.Create(console),
            DemoCommand.Create(console),
            SelfTestCommand.Create(console),
            BenchCommand.Create(console),
            TrainCommand.Create(console),
            RecipesCommand.Create(console),
            PlotMetricsCommand.Create(console),
            ModelCommand.Create(console),
            MsdCommand.Create(console),
            EvaluateCommand.Create(console),
            OverlayCommand.Create(console),
            LocateCommand.Create(console),
            TrackCommand.Create(console),
            PreprocessCommand.Create(console),
            DecodeCommand.Create(console),
            LocalizeCommand.Create(console),
        };
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new VersionAction(console);
        }

        return root;
    }

    public static int Run(string[] args, CliConsole console)
    {
        var root = BuildRoot(console);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        return CommandRunner.Run(console, () => root.Parse(args).Invoke(configuration));
    }
}
