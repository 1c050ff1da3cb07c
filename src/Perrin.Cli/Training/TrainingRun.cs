using System.Globalization;
using Perrin.Cli.Console;
using Perrin.Cli.Recipes;
using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Losses;
using Perrin.Nn.Models;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Tensors;
using Perrin.Nn.Training;
using Perrin.Simulation.Labels;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Cli.Training;

/// <summary>
/// Trains an image-to-image network on a recipe's simulated images and labels, with checkpoints every epoch, a
/// metrics table, a progress bar with loss and ETA, and the model written with its architecture, normalization and
/// recipe.
/// </summary>
internal static class TrainingRun
{
    public static int Run(CliConsole console, TrainRequest request)
    {
        var recipe = RecipeSource.Read(request.Recipe);
        var settings = TrainingSettings.Resolve(request, recipe.Training);
        var seed = request.Seed ?? recipe.Seed;
        var simulator = ImageSimulator.Create(recipe);
        if (recipe.Labels?.Form == "positions")
        {
            return RegressorTraining.Run(console, request, settings, recipe, simulator, seed);
        }

        var form = simulator.Label?.Name;
        if (form is not (LabelNames.Mask or LabelNames.Heatmap or LabelNames.Density or LabelNames.Decode))
        {
            throw new UserInputException($"{request.Recipe}: labels.form is {form ?? "not given"}; training an image-to-image network needs mask, heatmap, density or decode");
        }

        if (simulator.LabelSize != (simulator.Width, simulator.Height))
        {
            throw new UserInputException($"{request.Recipe}: the label is {simulator.LabelSize.Width}×{simulator.LabelSize.Height} but the image {simulator.Width}×{simulator.Height}; the network needs both the same size");
        }

        var source = new SimulationDataSource(simulator);
        var decode = form == LabelNames.Decode ? DecodeTraining.Create(settings.Loss, source, source.Channels, seed) : null;
        var loss = decode is null ? LossFor(settings.Loss, form) : (DecodeTraining.LossName, false, decode.Loss);
        var config = ModelConfigFor(settings, source, loss.Sigmoid, request.Recipe);
        config = decode is null ? config : DecodeTraining.Trained(config);
        var multiple = config.SizeMultiple;
        if (source.Width % multiple != 0 || source.Height % multiple != 0)
        {
            throw new UserInputException($"{request.Recipe}: a U-Net with {config.Levels.Length} levels needs image sides that are multiples of {multiple}, got {source.Width}×{source.Height}");
        }

        var model = ModelFactory.Create(config, new RandomStream(seed, 0, 0x6d6f64656cUL));
        var started = InitialWeights.Start(request, model, decode is null ? config : DecodeTraining.Stored(config));

        var optimizer = new Adam(model.NamedParameters(), settings.LearningRate);
        var schedule = ScheduleFor(settings);
        var total = (long)settings.Epochs * settings.Steps;
        TrainingResult result = null!;
        var status = "";
        var validation = "–";
        ProgressScope.RunWithStatus(console, $"train {Path.GetFileName(request.Recipe)}", total, (report, describe) =>
        {
            var options = settings.TrainerOptions(request, seed) with
            {
                // Masks, heat maps and densities are plane maps that flip with the image; DECODE's offset channels
                // would change sign under a flip, so their samples are replayed untransformed.
                Pool = settings.Pool is { } size ? new ReplayPoolOptions(size, settings.Refresh, TransformTargets: form != LabelNames.Decode) : null,
                Progress = new Progress(p =>
                {
                    status = string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}/{settings.Epochs} loss {p.Loss:G4} val {validation} ETA {p.Remaining:hh\\:mm\\:ss}");
                    describe(status);
                    report(p.Step);
                }),
                EpochEnded = m =>
                {
                    validation = double.IsNaN(m.ValidationLoss) ? "n/a" : m.ValidationLoss.ToString("G4", CultureInfo.InvariantCulture);
                    TrainingCurve.Write(request.Metrics, request.Curve, $"{Path.GetFileName(request.Output)}: {Path.GetFileName(request.Recipe)}");
                },
            };
            if (settings.Pool is { } poolSize)
            {
                describe($"simulating the replay pool ({poolSize} samples)");
            }

            var trainer = new Trainer(model, optimizer, loss.Function, source, options, schedule);
            if (request.Resume)
            {
                if (!File.Exists(request.Checkpoint))
                {
                    throw new UserInputException($"--resume: no checkpoint at {request.Checkpoint}");
                }

                try
                {
                    trainer.Resume(request.Checkpoint);
                }
                catch (InvalidOperationException e)
                {
                    throw new UserInputException($"--resume {request.Checkpoint}: {e.Message}");
                }
            }

            result = trainer.Run();
            return 0;
        });

        if (result.Outcome == TrainingOutcome.Diverged)
        {
            console.Error.WriteLine($"error: training stopped: {result.Message}. The last good checkpoint is {request.Checkpoint}.");
            return ExitCodes.UserError;
        }

        var used = settings with { Loss = loss.Name, Levels = config.Levels };
        var metadata = new Dictionary<string, string>(used.Metadata())
        {
            ["perrin.training.seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["perrin.training.steps"] = result.Steps.ToString(CultureInfo.InvariantCulture),
            ["perrin.training.best_validation_loss"] = result.BestLoss.ToString("R", CultureInfo.InvariantCulture),
        };
        decode?.Describe(metadata);
        foreach (var (key, value) in started)
        {
            metadata[key] = value;
        }

        var recorded = recipe with { Training = used.ToRecipeSection("unet") };
        ModelStore.Save(request.Output, model, decode is null ? config : DecodeTraining.Stored(config), SimulationDataSource.Normalization, RecipeWriter.Write(recorded), metadata);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{request.Recipe} → {request.Output}: {result.Outcome}, {result.Epochs} epochs, {result.Steps} steps, best validation {loss.Name} {result.BestLoss:G4}; {model.ParameterCount()} parameters; metrics {request.Metrics}, curve {request.Curve}, checkpoint {request.Checkpoint}"));
        return ExitCodes.Ok;
    }

    private static UNetConfig ModelConfigFor(TrainingSettings settings, SimulationDataSource source, bool sigmoid, string recipePath)
    {
        if (settings.Model == "cnn")
        {
            throw new UserInputException($"model cnn (--model or training.model in {recipePath}): a CNN regressor cannot map images to label images; use unet");
        }

        if (settings.Model != "unet")
        {
            if (!File.Exists(settings.Model))
            {
                throw new UserInputException($"--model {settings.Model}: neither 'unet' nor an existing model configuration file");
            }

            var parsed = ReadConfig(settings.Model);
            if (parsed is not UNetConfig unet)
            {
                throw new UserInputException($"--model {settings.Model}: a {parsed.GetType().Name} cannot map images to label images; give a U-Net configuration");
            }

            if (unet.InputChannels != 1 || unet.OutputChannels != source.Channels)
            {
                throw new UserInputException($"--model {settings.Model}: the U-Net has {unet.InputChannels} input and {unet.OutputChannels} output channels; {recipePath} gives 1 and {source.Channels}");
            }

            return unet;
        }

        return new UNetConfig
        {
            Levels = [.. settings.Levels],
            Bottleneck = settings.Levels[^1] * 2,
            OutputChannels = source.Channels,
            OutputActivation = sigmoid ? ActivationKind.Sigmoid : ActivationKind.None,
        };
    }

    private static ModelConfig ReadConfig(string path)
    {
        try
        {
            var config = ModelConfig.FromJson(File.ReadAllText(path));
            config.Validate();
            return config;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new UserInputException($"--model {path}: {e.Message}");
        }
    }

    private static (string Name, bool Sigmoid, Func<Tensor, Tensor, Tensor> Function) LossFor(string name, string form) =>
        (name == "auto" ? (form == LabelNames.Mask ? "bce" : "mse") : name) switch
        {
            "bce" => ("bce", true, (y, t) => Loss.Bce(y, t)),
            "mse" => ("mse", false, (y, t) => Loss.Mse(y, t)),
            "l1" => ("l1", false, (y, t) => Loss.L1(y, t)),
            var other => throw new UserInputException($"loss {other} (--loss or training.loss): perrin train knows auto, bce, mse and l1"),
        };

    /// <summary>Constant runs without a schedule object, so checkpoints written before schedules existed still resume.</summary>
    private static LearningRateSchedule? ScheduleFor(TrainingSettings settings) => settings.Schedule switch
    {
        "constant" => null,
        "cosine" => new CosineSchedule(settings.LearningRate, settings.Epochs),
        var other => throw new UserInputException($"schedule {other} (--schedule or training.schedule): expected constant or cosine"),
    };

    private sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
