using System.CommandLine;
using Perrin.Cli.Console;

namespace Perrin.Cli.Commands;

/// <summary>`perrin simulate`: renders a recipe's samples into a calibrated movie, its truth table and its labels.</summary>
internal static class SimulateCommand
{
    public const int MaxCount = 10_000_000;

    public static Command Create(CliConsole console)
    {
        var recipe = new Argument<string>("recipe") { Description = "The simulation recipe: a YAML file, or the name of a built-in one (perrin recipes)" };
        var count = new Option<int>("--count", "-n") { Description = "Number of samples (frames) to simulate; for a movie recipe (dynamics) with dynamics.frames, the number of movies, each that many frames long, written one after another", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output", "-o") { Description = "The movie to write (float32 TIFF, calibrated)", Required = true };
        var truth = new Option<string?>("--truth") { Description = "Write the ground truth as a ThunderSTORM table (nm, 1-based frames)" };
        var labels = new Option<string?>("--labels") { Description = "Write the labels as a float32 TIFF: each sample's channels as consecutive frames" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed to use instead of the recipe's" };
        var threads = new Option<int>("--threads") { Description = "Threads to render with (the output does not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("simulate", "Simulate microscopy images with ground truth and training labels from a recipe")
        {
            recipe, count, output, truth, labels, seed, threads,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var request = new SimulateRequest(
                parse.GetValue(recipe)!,
                parse.GetValue(count),
                parse.GetValue(output)!,
                parse.GetValue(truth),
                parse.GetValue(labels),
                parse.GetValue(seed),
                parse.GetValue(threads));
            if (request.Count is < 1 or > MaxCount)
            {
                throw new UserInputException($"--count must be between 1 and {MaxCount}, got {request.Count}");
            }

            if (request.Threads is < 1 or > 1024)
            {
                throw new UserInputException($"--threads must be between 1 and 1024, got {request.Threads}");
            }

            MovieSimulation.Run(console, request);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
