using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Perrin.Cli.Bench;
using Perrin.Cli.Console;
using Spectre.Console;

namespace Perrin.Cli.Commands;

/// <summary>
/// `perrin bench localize`: frames per second of `perrin localize`'s network path on the `perrin bench locate`
/// frames, on one thread and on all, next to each classical `perrin locate` method on one thread; then the iSCAT path
/// as `perrin demo` runs it (the built-in network alone and with the iPSF refinement) on all threads.
/// </summary>
internal static class BenchLocalizeCommand
{
    public static Command Create(CliConsole console)
    {
        var frames = new Option<int>("--frames") { Description = "Frames to simulate and localize per method", DefaultValueFactory = _ => 40 };
        var threads = new Option<int>("--threads") { Description = "Threads for the second network run", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var command = new Command("localize", "Frames per second of perrin localize's network path (unet-bench U-Net) and of the classical methods on simulated 256×256 frames, then of the built-in iSCAT network alone and refined by the joint iPSF fit")
        {
            frames, threads, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var count = parse.GetValue(frames);
            if (count is < 1 or > 100_000)
            {
                throw new UserInputException($"--frames must be between 1 and 100000, got {count}");
            }

            var many = parse.GetValue(threads);
            if (many is < 1 or > 1024)
            {
                throw new UserInputException($"--threads must be between 1 and 1024, got {many}");
            }

            var names = LocateCommand.MethodNames;
            var results = ProgressScope.Run(console, "bench localize", names.Count + 4, report =>
            {
                var movie = LocateBenchmark.Frames(count);
                report(1);
                var measured = new List<(LocateBenchResult Result, int Threads)> { (LocalizeBenchmark.Measure(movie, 1), 1) };
                report(2);
                if (many > 1)
                {
                    measured.Add((LocalizeBenchmark.Measure(movie, many), many));
                }

                report(3);
                foreach (var name in names)
                {
                    measured.Add((LocateBenchmark.Measure(name, LocateCommand.DefaultLocalizer(name, LocateBenchmark.OptionsFor(name)), movie), 1));
                    report(measured.Count + 2);
                }

                var (network, refined) = IscatRefineBenchmark.Measure(count, many);
                measured.Add((network, many));
                measured.Add((refined, many));
                report(names.Count + 4);

                return measured;
            });
            Print(console, results, parse.GetValue(json));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(CliConsole console, List<(LocateBenchResult Result, int Threads)> results, bool json)
    {
        if (json)
        {
            var cases = new JsonArray();
            foreach (var (r, threads) in results)
            {
                cases.Add(new JsonObject
                {
                    ["method"] = r.Method,
                    ["threads"] = threads,
                    ["frames"] = r.Frames,
                    ["frames_per_s"] = Math.Round(r.FramesPerSecond, 2),
                    ["localizations_per_frame"] = Math.Round(r.LocalizationsPerFrame, 2),
                });
            }

            console.Out.WriteLine(new JsonObject { ["frames"] = LocateBenchmark.Description, ["iscat_frames"] = IscatRefineBenchmark.Description, ["methods"] = cases }.ToJsonString());
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("method")
            .AddColumn(new TableColumn("threads").RightAligned())
            .AddColumn(new TableColumn("frames/s").RightAligned())
            .AddColumn(new TableColumn("localizations/frame").RightAligned());
        foreach (var (r, threads) in results)
        {
            table.AddRow(
                r.Method,
                threads.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{r.FramesPerSecond:F1}"),
                string.Create(CultureInfo.InvariantCulture, $"{r.LocalizationsPerFrame:F1}"));
        }

        console.Ansi.Write(table);
        console.Error.WriteLine($"{LocateBenchmark.Description}; the network is untrained (its speed does not depend on the weights) and decoded above 0.99, so it finds nothing. The iscat-dense rows: {IscatRefineBenchmark.Description}");
    }
}
