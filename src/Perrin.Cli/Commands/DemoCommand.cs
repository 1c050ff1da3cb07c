using System.CommandLine;
using System.Globalization;
using Perrin.Cli.Console;
using Perrin.Cli.Demo;

namespace Perrin.Cli.Commands;

/// <summary>`perrin demo`: the main job on built-in defaults, dense iSCAT localization and tracking with a report.</summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--output", "-o") { Description = "Folder of the report (index.html and the files beside it)", DefaultValueFactory = _ => "demo-report" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the held-out movies (not the network's training seed)", DefaultValueFactory = _ => 2 };
        var frames = new Option<int>("--frames") { Description = "Frames per density", DefaultValueFactory = _ => 50 };
        var size = new Option<int>("--size") { Description = "Width and height of the movies in pixels (23 nm each)", DefaultValueFactory = _ => 256 };
        var densities = new Option<string>("--densities") { Description = "Particle densities per µm², comma separated", DefaultValueFactory = _ => "0.5,1,2,4" };
        var threads = new Option<int>("--threads") { Description = "Threads for simulation, network and localizers", DefaultValueFactory = _ => Environment.ProcessorCount };
        var train = new Option<bool>("--train") { Description = "Train the network from scratch first (perrin train on the model's recipe) instead of using the pretrained one" };
        var trainEpochs = new Option<int>("--train-epochs") { Description = "With --train: epochs", DefaultValueFactory = _ => 3 };
        var trainSteps = new Option<int>("--train-steps") { Description = "With --train: steps per epoch", DefaultValueFactory = _ => 100 };
        var model = new Option<string>("--model") { Description = "A model file from perrin train instead of the built-in iscat-dense model", DefaultValueFactory = _ => "iscat-dense" };
        var refine = new Option<string>("--refine")
        {
            Description = "ipsf: also score the network's localizations refined by the joint iPSF fit with splits (perrin localize --refine ipsf --refine-split); none: skip it",
            DefaultValueFactory = _ => "ipsf",
        };
        var command = new Command("demo", "Simulate held-out dense iSCAT movies, localize them with the network and classical baselines, score, track, estimate D, and write an HTML report")
        {
            output, seed, frames, size, densities, threads, train, trainEpochs, trainSteps, model, refine,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var settings = new DemoSettings(
                parse.GetValue(output)!,
                parse.GetValue(seed),
                parse.GetValue(frames),
                parse.GetValue(size),
                ParseDensities(parse.GetValue(densities)!),
                parse.GetValue(threads),
                parse.GetValue(train),
                parse.GetValue(trainEpochs),
                parse.GetValue(trainSteps),
                parse.GetValue(model)!,
                ParseRefine(parse.GetValue(refine)!));
            Check(settings);
            var results = DemoRun.Run(console, settings);
            DemoSummary.Print(console, results, Path.Combine(settings.Output, DemoReport.IndexName));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static bool ParseRefine(string text) => text.ToLowerInvariant() switch
    {
        "ipsf" => true,
        "none" => false,
        _ => throw new UserInputException($"--refine {text}: expected ipsf or none"),
    };

    private static double[] ParseDensities(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !(values[i] is > 0 and <= 100))
            {
                throw new UserInputException($"--densities {text}: expected particle densities per µm² between 0 and 100, separated by commas");
            }
        }

        if (values.Length is < 1 or > 16 || values.Distinct().Count() != values.Length)
        {
            throw new UserInputException($"--densities {text}: expected 1 to 16 different densities");
        }

        return values;
    }

    private static void Check(DemoSettings s)
    {
        if (s.Frames is < 2 or > 10_000)
        {
            throw new UserInputException($"--frames must be between 2 and 10000, not {s.Frames}");
        }

        if (s.Size is < 48 or > 2048)
        {
            throw new UserInputException($"--size must be between 48 and 2048 pixels (the classical ROIs need room), not {s.Size}");
        }

        if (s.Threads is < 1 or > 1024)
        {
            throw new UserInputException($"--threads must be between 1 and 1024, not {s.Threads}");
        }

        if (s.TrainEpochs is < 1 or > 1000 || s.TrainSteps is < 1 or > 1_000_000)
        {
            throw new UserInputException("--train-epochs (1–1000) and --train-steps (1–1000000) must be positive and sane");
        }
    }
}
