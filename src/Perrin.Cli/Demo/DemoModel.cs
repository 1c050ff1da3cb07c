using System.Globalization;
using Perrin.Cli.Console;
using Perrin.Cli.Localize;
using Perrin.Cli.Training;
using Perrin.Simulation.Recipes;

namespace Perrin.Cli.Demo;

/// <summary>
/// The network the demo scores: the built-in model (or --model FILE) as it is, or with --train one trained from
/// scratch through `perrin train` on the recipe that model was trained on, at the same U-Net levels.
/// </summary>
/// <param name="Metrics">The per-epoch metrics table of its training, or null when none is known.</param>
internal sealed record DemoModel(LocalizeModel Model, string Provenance, string? Metrics)
{
    public static DemoModel Resolve(CliConsole console, DemoSettings settings)
    {
        var model = LocalizeModel.Load(settings.Model);
        if (!settings.Train)
        {
            return new DemoModel(model, Describe(settings.Model), MetricsOf(settings.Model));
        }

        var folder = Path.Combine(settings.Output, "training");
        Directory.CreateDirectory(folder);
        var recipe = Path.Combine(folder, "recipe.yaml");
        RecipeWriter.WriteFile(model.Recipe, recipe);
        var output = Path.Combine(folder, "model.safetensors");
        var metrics = Path.Combine(folder, "model.metrics.csv");
        var request = new TrainRequest(recipe, output, "unet", model.Config.Levels, settings.TrainEpochs, settings.TrainSteps, 8, 1e-3, "auto", null,
            settings.Threads, 1, 2, null, null, Path.Combine(folder, "model.ckpt.safetensors"), metrics, false);
        if (TrainingRun.Run(console, request) != ExitCodes.Ok)
        {
            throw new InvalidOperationException("the retraining for --train diverged; see the message above");
        }

        var provenance = string.Create(CultureInfo.InvariantCulture,
            $"trained from scratch by this run (--train): perrin train {recipe} -o {output} --levels {string.Join(',', model.Config.Levels)} --epochs {settings.TrainEpochs} --steps {settings.TrainSteps} --threads {settings.Threads} --workers 1, on the recipe {settings.Model} was trained on (seed {model.Recipe.Seed})");
        return new DemoModel(LocalizeModel.Load(output), provenance, File.ReadAllText(metrics));
    }

    private static string Describe(string model) => File.Exists(model) || !BuiltInModels.Contains(model)
        ? $"the model file {model}"
        : $"the built-in pretrained model {model} (models/{model}/model.safetensors in the repository)";

    private static string? MetricsOf(string model)
    {
        if (!File.Exists(model))
        {
            return BuiltInModels.Metrics(model);
        }

        var stem = model.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase) ? model[..^".safetensors".Length] : model;
        var candidates = new[] { stem + ".metrics.csv", Path.Combine(Path.GetDirectoryName(Path.GetFullPath(model))!, "metrics.csv") };
        return candidates.Where(File.Exists).Select(File.ReadAllText).FirstOrDefault();
    }
}
