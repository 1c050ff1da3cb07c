using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Perrin.Cli.Bench;
using Perrin.Cli.Console;
using Spectre.Console;

namespace Perrin.Cli.Commands;

/// <summary>`perrin bench locate`: frames per second of every `perrin locate` method on simulated 256 × 256 frames.</summary>
internal static class BenchLocateCommand
{
    public static Command Create(CliConsole console)
    {
        var frames = new Option<int>("--frames") { Description = "Frames to simulate and locate per method", DefaultValueFactory = _ => 200 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var command = new Command("locate", "Frames per second of each localization method (one thread) on simulated 256×256 SMLM frames")
        {
            frames, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var count = parse.GetValue(frames);
            if (count is < 1 or > 100_000)
            {
                throw new UserInputException($"--frames must be between 1 and 100000, got {count}");
            }

            var names = LocateCommand.MethodNames;
            var results = ProgressScope.Run(console, "bench locate", names.Count + 1, report =>
            {
                var movie = LocateBenchmark.Frames(count);
                report(1);
                var measured = new List<LocateBenchResult>();
                foreach (var name in names)
                {
                    measured.Add(LocateBenchmark.Measure(name, LocateCommand.DefaultLocalizer(name, LocateBenchmark.OptionsFor(name)), movie));
                    report(measured.Count + 1);
                }

                return measured;
            });
            Print(console, results, parse.GetValue(json));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(CliConsole console, List<LocateBenchResult> results, bool json)
    {
        if (json)
        {
            var cases = new JsonArray();
            foreach (var r in results)
            {
                cases.Add(new JsonObject
                {
                    ["method"] = r.Method,
                    ["frames"] = r.Frames,
                    ["frames_per_s"] = Math.Round(r.FramesPerSecond, 1),
                    ["localizations_per_frame"] = Math.Round(r.LocalizationsPerFrame, 2),
                });
            }

            console.Out.WriteLine(new JsonObject { ["threads"] = 1, ["frames"] = LocateBenchmark.Description, ["methods"] = cases }.ToJsonString());
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("method")
            .AddColumn(new TableColumn("frames/s, 1 thread").RightAligned())
            .AddColumn(new TableColumn("localizations/frame").RightAligned());
        foreach (var r in results)
        {
            table.AddRow(
                r.Method,
                string.Create(CultureInfo.InvariantCulture, $"{r.FramesPerSecond:F0}"),
                string.Create(CultureInfo.InvariantCulture, $"{r.LocalizationsPerFrame:F1}"));
        }

        console.Ansi.Write(table);
        console.Error.WriteLine(LocateBenchmark.Description);
    }
}
