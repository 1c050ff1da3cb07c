using System.CommandLine;
using System.Globalization;
using Perrin.Cli.Console;
using Perrin.Cli.Training;

namespace Perrin.Cli.Commands;

/// <summary>`perrin train`: trains a network on a recipe's images, simulated on the fly.</summary>
internal static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var recipe = new Argument<string>("recipe") { Description = "The simulation recipe (YAML) whose images and labels (mask, heatmap, density or decode) train the network" };
        var output = new Option<string>("--output", "-o") { Description = "The trained model (safetensors, with architecture, normalization and recipe)", Required = true };
        var model = new Option<string>("--model") { Description = "'unet', or a model configuration file (JSON, type unet)", DefaultValueFactory = _ => "unet" };
        var levels = new Option<string>("--levels") { Description = "Channels of the U-Net levels, comma separated (bottleneck: twice the last)", DefaultValueFactory = _ => "16,32,64" };
        var epochs = new Option<int>("--epochs") { Description = "Epochs", DefaultValueFactory = _ => 10 };
        var steps = new Option<int>("--steps") { Description = "Training steps (batches) per epoch", DefaultValueFactory = _ => 100 };
        var batch = new Option<int>("--batch") { Description = "Images per batch", DefaultValueFactory = _ => 8 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate", DefaultValueFactory = _ => 1e-3 };
        var loss = new Option<string>("--loss") { Description = "auto (bce for masks, decode for DECODE maps, mse otherwise), bce, mse or l1", DefaultValueFactory = _ => "auto" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed to use instead of the recipe's (fixes weights, data and order)" };
        var threads = new Option<int>("--threads") { Description = "Compute threads (the result depends on the seed and this number only)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var workers = new Option<int>("--workers") { Description = "Background threads simulating batches (does not change the result)", DefaultValueFactory = _ => 1 };
        var validation = new Option<int>("--validation-batches") { Description = "Fixed validation batches, drawn once", DefaultValueFactory = _ => 2 };
        var patience = new Option<int?>("--patience") { Description = "Stop after this many epochs without a better validation loss" };
        var clip = new Option<float?>("--clip-norm") { Description = "Clip the global gradient norm to this value" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Checkpoint written every epoch (default: OUTPUT.ckpt.safetensors)" };
        var metrics = new Option<string?>("--metrics") { Description = "Metrics table, one row per epoch (default: OUTPUT.metrics.csv)" };
        var resume = new Option<bool>("--resume") { Description = "Continue from the checkpoint (same recipe, seed, batch and steps)" };
        var command = new Command("train", "Train a U-Net on images simulated on the fly from a recipe, with checkpoints and resume")
        {
            recipe, output, model, levels, epochs, steps, batch, lr, loss, seed, threads, workers, validation, patience, clip, checkpoint, metrics, resume,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var outputPath = parse.GetValue(output)!;
            var request = new TrainRequest(
                parse.GetValue(recipe)!,
                outputPath,
                parse.GetValue(model)!,
                ParseLevels(parse.GetValue(levels)!),
                parse.GetValue(epochs),
                parse.GetValue(steps),
                parse.GetValue(batch),
                parse.GetValue(lr),
                parse.GetValue(loss)!,
                parse.GetValue(seed),
                parse.GetValue(threads),
                parse.GetValue(workers),
                parse.GetValue(validation),
                parse.GetValue(patience),
                parse.GetValue(clip),
                parse.GetValue(checkpoint) ?? StemOf(outputPath) + ".ckpt.safetensors",
                parse.GetValue(metrics) ?? StemOf(outputPath) + ".metrics.csv",
                parse.GetValue(resume));
            Check(request);
            return TrainingRun.Run(console, request);
        }));
        return command;
    }

    private static string StemOf(string path) =>
        path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) ? path[..^".safetensors".Length] : path;

    private static int[] ParseLevels(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var levels = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out levels[i]) || levels[i] is < 1 or > 4096)
            {
                throw new UserInputException($"--levels {text}: expected channel counts between 1 and 4096 separated by commas");
            }
        }

        if (levels.Length is < 1 or > 8)
        {
            throw new UserInputException($"--levels {text}: expected 1 to 8 levels");
        }

        return levels;
    }

    private static void Check(TrainRequest r)
    {
        if (r.Epochs is < 1 or > 100_000 || r.Steps is < 1 or > 10_000_000 || r.BatchSize is < 1 or > 4096)
        {
            throw new UserInputException("--epochs (1–100000), --steps (1–10000000) and --batch (1–4096) must be positive and sane");
        }

        if (!(r.LearningRate > 0 && r.LearningRate < 10))
        {
            throw new UserInputException($"--lr must be in (0, 10), got {r.LearningRate.ToString(CultureInfo.InvariantCulture)}");
        }

        if (r.Threads is < 1 or > 1024 || r.Workers is < 0 or > 64 || r.ValidationBatches is < 0 or > 10_000)
        {
            throw new UserInputException("--threads (1–1024), --workers (0–64) and --validation-batches (0–10000) are out of range");
        }

        if (r.Patience is < 1 || r.ClipNorm is { } c && !(c > 0))
        {
            throw new UserInputException("--patience must be at least 1 and --clip-norm positive");
        }
    }
}
