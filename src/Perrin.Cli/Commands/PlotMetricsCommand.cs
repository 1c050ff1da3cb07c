using System.CommandLine;
using Perrin.Cli.Console;
using Perrin.Cli.Training;

namespace Perrin.Cli.Commands;

/// <summary>`perrin plot-metrics`: draws the training curve of a metrics table that perrin train wrote.</summary>
internal static class PlotMetricsCommand
{
    public static Command Create(CliConsole console)
    {
        var metrics = new Argument<string>("metrics") { Description = "The metrics table (CSV) perrin train wrote (MODEL.metrics.csv)" };
        var output = new Option<string>("--output", "-o") { Description = "The plot: .svg (with labels) or .png", Required = true };
        var title = new Option<string?>("--title") { Description = "Title above the plot (default: the metrics file's name)" };
        var command = new Command("plot-metrics", "Draw training and validation loss against step (log loss axis) from a training metrics table")
        {
            metrics, output, title,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var input = parse.GetValue(metrics)!;
            var path = parse.GetValue(output)!;
            MetricsCurve.Plot(input, path, parse.GetValue(title) ?? $"training curve: {Path.GetFileName(input)}");
            console.Error.WriteLine($"{input} → {path}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
