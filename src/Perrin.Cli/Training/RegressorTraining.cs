using System.Globalization;
using Perrin.Cli.Console;
using Perrin.Core.Randomness;
using Perrin.Nn.Losses;
using Perrin.Nn.Models;
using Perrin.Nn.Optimizers;
using Perrin.Nn.Tensors;
using Perrin.Nn.Training;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Cli.Training;

/// <summary>
/// `perrin train` on a recipe whose label is the particle's position: a <see cref="Cnn"/> with 2 outputs regresses the
/// one particle's (x, y) (<see cref="PositionTarget"/>) under the mean squared error, which is the squared
/// localization error the regressor is judged by, with Adam and cosine annealing of the learning rate over the
/// epochs. Checkpoints, resume, metrics and the progress bar are as for image-to-image networks.
/// </summary>
internal static class RegressorTraining
{
    /// <summary>Particles checked before training, so that a recipe with the wrong count fails at once, not in a worker.</summary>
    private const int ProbeSamples = 8;

    public static int Run(CliConsole console, TrainRequest request, TrainingSettings settings, Recipe recipe, ImageSimulator simulator, ulong seed)
    {
        var source = new RegressorDataSource(simulator);
        Probe(request.Recipe, source, simulator);
        var (lossName, loss) = LossFor(settings.Loss);
        var config = ConfigFor(request.Recipe, settings, simulator);
        var model = new Cnn(config, new RandomStream(seed, 0, 0x6d6f64656cUL));
        var started = InitialWeights.Start(request, model, config);

        var optimizer = new Adam(model.NamedParameters(), settings.LearningRate);
        var schedule = new CosineSchedule(settings.LearningRate, settings.Epochs, settings.LearningRate / 50);
        var options = settings.TrainerOptions(request, seed);
        var result = ProgressScope.RunWithStatus(console, $"train {Path.GetFileName(request.Recipe)}", (long)settings.Epochs * settings.Steps, (report, describe) =>
        {
            var trainer = new Trainer(model, optimizer, loss, source, options with
            {
                Progress = new ImmediateProgress<TrainingProgress>(p =>
                {
                    describe(string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}/{settings.Epochs} loss {p.Loss:G4} ETA {p.Remaining:hh\\:mm\\:ss}"));
                    report(p.Step);
                }),
            }, schedule);
            if (request.Resume)
            {
                Resume(trainer, request.Checkpoint);
            }

            return trainer.Run();
        });

        if (result.Outcome == TrainingOutcome.Diverged)
        {
            console.Error.WriteLine($"error: training stopped: {result.Message}. The last good checkpoint is {request.Checkpoint}.");
            return ExitCodes.UserError;
        }

        var extra = new Dictionary<string, string>(source.Target.Metadata().Concat(settings.Metadata()))
        {
            ["perrin.training.loss"] = lossName,
            ["perrin.training.seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["perrin.training.steps"] = result.Steps.ToString(CultureInfo.InvariantCulture),
            ["perrin.training.best_validation_loss"] = result.BestLoss.ToString("R", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in started)
        {
            extra[key] = value;
        }

        ModelStore.Save(request.Output, model, config, SimulationDataSource.Normalization, RecipeWriter.Write(recipe), extra);
        // The MSE averages x and y, so its root is the error per axis; times √2 it is the distance the bench reports.
        var rmse = Math.Sqrt(2 * result.BestLoss) * source.Target.ScalePx;
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{request.Recipe} → {request.Output}: {result.Outcome}, {result.Epochs} epochs, {result.Steps} steps, best validation {lossName} {result.BestLoss:G4}{(lossName == "mse" ? $" (RMSE {rmse:G3} px)" : string.Empty)}; position regressor, {model.ParameterCount()} parameters; metrics {request.Metrics}, checkpoint {request.Checkpoint}"));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The network: a configuration file (a CNN), or for the default the CNN with one block per --levels entry
    /// (3 × 3 convolutions padded to keep the size, ReLU, 2 × 2 max pooling) and a dense layer of 32 before the 2 outputs.
    /// </summary>
    public static CnnConfig ConfigFor(string recipePath, TrainingSettings settings, ImageSimulator simulator)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(simulator);
        CnnConfig config;
        if (settings.Model is "unet" or "cnn")
        {
            config = new CnnConfig
            {
                InputHeight = simulator.Height,
                InputWidth = simulator.Width,
                ConvChannels = [.. settings.Levels],
                Padding = 1,
                DenseSizes = [32],
                Outputs = 2,
            };
        }
        else if (!File.Exists(settings.Model))
        {
            throw new UserInputException($"--model {settings.Model}: neither 'cnn' nor an existing model configuration file");
        }
        else
        {
            config = Read(settings.Model);
            if (config.InputChannels != 1 || config.Outputs != 2 || config.InputHeight != simulator.Height || config.InputWidth != simulator.Width)
            {
                throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                    $"--model {settings.Model}: the CNN takes {config.InputChannels}×{config.InputHeight}×{config.InputWidth} inputs and gives {config.Outputs} outputs; {recipePath} needs 1×{simulator.Height}×{simulator.Width} and 2 (x, y)"));
            }
        }

        try
        {
            config.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"--levels: {e.Message}");
        }

        return config;
    }

    private static CnnConfig Read(string path)
    {
        ModelConfig parsed;
        try
        {
            parsed = ModelConfig.FromJson(File.ReadAllText(path));
            parsed.Validate();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new UserInputException($"--model {path}: {e.Message}");
        }

        return parsed as CnnConfig
            ?? throw new UserInputException($"--model {path}: a {parsed.GetType().Name} does not regress a position; give a CNN configuration (type cnn) with 2 outputs");
    }

    private static void Probe(string recipePath, RegressorDataSource source, ImageSimulator simulator)
    {
        var image = new float[simulator.Width * simulator.Height];
        for (var k = 0UL; k < ProbeSamples; k++)
        {
            try
            {
                source.Position(k, image);
            }
            catch (InvalidOperationException e)
            {
                throw new UserInputException($"{recipePath}: labels.form is positions, which trains a position regressor: {e.Message}");
            }
        }
    }

    private static (string Name, Func<Tensor, Tensor, Tensor> Function) LossFor(string name) => name switch
    {
        "auto" or "mse" => ("mse", (y, t) => Loss.Mse(y, t)),
        "l1" => ("l1", (y, t) => Loss.L1(y, t)),
        _ => throw new UserInputException($"--loss {name}: a position regressor takes auto (mse), mse or l1"),
    };

    private static void Resume(Trainer trainer, string checkpoint)
    {
        if (!File.Exists(checkpoint))
        {
            throw new UserInputException($"--resume: no checkpoint at {checkpoint}");
        }

        try
        {
            trainer.Resume(checkpoint);
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException($"--resume {checkpoint}: {e.Message}");
        }
    }
}
