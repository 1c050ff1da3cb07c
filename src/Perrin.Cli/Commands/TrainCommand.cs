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
        var recipe = new Argument<string>("recipe") { Description = "The recipe (YAML file, or the name of a built-in one) whose images and labels (mask, heatmap, density or decode; positions for a one-particle CNN regressor) train the network and whose training section sets the options not given here" };
        var output = new Option<string>("--output", "-o") { Description = "The trained model (safetensors, with architecture, normalization, recipe and training settings)", Required = true };
        var model = new Option<string?>("--model") { Description = "'unet' ('cnn' for a positions recipe), or a model configuration file (JSON, type unet, or cnn for positions) [training.model; default unet]" };
        var levels = new Option<string?>("--levels") { Description = "Channels of the U-Net levels, comma separated (bottleneck: twice the last); for a positions recipe, of the CNN's convolution blocks [training.levels; default 16,32,64]" };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs [training.epochs; default 10]" };
        var steps = new Option<int?>("--steps") { Description = "Training steps (batches) per epoch [training.steps; default 100]" };
        var batch = new Option<int?>("--batch") { Description = "Images per batch [training.batch; default 8]" };
        var lr = new Option<double?>("--lr") { Description = "Adam learning rate [training.lr; default 1e-3]" };
        var schedule = new Option<string?>("--schedule") { Description = "Learning rate per epoch: constant, or cosine from --lr to 0 over the epochs [training.schedule; default constant]" };
        var warmup = new Option<int?>("--warmup-steps") { Description = "Steps over which the rate rises linearly to the schedule's [training.warmup_steps; default 0]" };
        var pool = new Option<int?>("--pool") { Description = "Keep a replay pool of this many simulated samples and draw batches from it, each sample randomly flipped or transposed (for recipes slower to simulate than a step) [training.pool; default: none, every batch simulated anew]" };
        var refresh = new Option<int?>("--refresh") { Description = "Pool samples replaced by newly simulated ones before each step [training.refresh; default 1]" };
        var loss = new Option<string?>("--loss") { Description = "auto (bce for masks, decode for DECODE maps, mse otherwise), bce, mse or l1 [training.loss; default auto]" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed to use instead of the recipe's (fixes weights, data and order)" };
        var threads = new Option<int>("--threads") { Description = "Compute threads (the result depends on the seed and this number only)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var workers = new Option<int>("--workers") { Description = "Background threads simulating batches (does not change the result)", DefaultValueFactory = _ => 1 };
        var validation = new Option<int?>("--validation-batches") { Description = "Fixed validation batches, drawn once [training.validation_batches; default 2]" };
        var patience = new Option<int?>("--patience") { Description = "Stop after this many epochs without a better validation loss [training.patience]" };
        var clip = new Option<float?>("--clip-norm") { Description = "Clip the global gradient norm to this value [training.clip_norm]" };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Checkpoint written every epoch (default: OUTPUT.ckpt.safetensors)" };
        var metrics = new Option<string?>("--metrics") { Description = "Metrics table, one row per epoch (default: OUTPUT.metrics.csv); the training curve is drawn from it after every epoch to OUTPUT.curve.svg and .png" };
        var resume = new Option<bool>("--resume") { Description = "Continue from the checkpoint (same recipe, seed, batch and steps)" };
        var init = new Option<string?>("--init") { Description = "Start from this trained model's weights (same architecture, or the same with another head: its other tensors and shared output channels carry over) instead of random ones, to fine-tune it, train it on with another schedule or for another label form; the optimizer starts fresh" };
        var command = new Command("train", "Train a U-Net on images simulated on the fly from a recipe, with checkpoints, resume and a training curve")
        {
            recipe, output, model, levels, epochs, steps, batch, lr, schedule, warmup, pool, refresh, loss, seed, threads, workers, validation, patience, clip, checkpoint, metrics, resume, init,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var outputPath = parse.GetValue(output)!;
            var request = new TrainRequest(
                parse.GetValue(recipe)!,
                outputPath,
                parse.GetValue(model),
                parse.GetValue(levels) is { } levelText ? ParseLevels(levelText) : null,
                parse.GetValue(epochs),
                parse.GetValue(steps),
                parse.GetValue(batch),
                parse.GetValue(lr),
                parse.GetValue(loss),
                parse.GetValue(seed),
                parse.GetValue(threads),
                parse.GetValue(workers),
                parse.GetValue(validation),
                parse.GetValue(patience),
                parse.GetValue(clip),
                parse.GetValue(checkpoint) ?? StemOf(outputPath) + ".ckpt.safetensors",
                parse.GetValue(metrics) ?? StemOf(outputPath) + ".metrics.csv",
                parse.GetValue(resume))
            {
                Schedule = parse.GetValue(schedule),
                WarmupSteps = parse.GetValue(warmup),
                Pool = parse.GetValue(pool),
                Refresh = parse.GetValue(refresh),
                Init = parse.GetValue(init),
                Curve = StemOf(outputPath) + ".curve.svg",
            };
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
        if (r.Threads is < 1 or > 1024 || r.Workers is < 0 or > 64)
        {
            throw new UserInputException("--threads (1–1024) and --workers (0–64) are out of range");
        }
    }
}
