using System.Globalization;
using Perrin.Nn.Training;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;

namespace Perrin.Cli.Training;

/// <summary>
/// The settings a training run uses: each from the command line when given there, else from the recipe's
/// training section, else the built-in default. Recorded in the model file, as metadata and as the recipe's
/// training section, so the model says how it was made.
/// </summary>
internal sealed record TrainingSettings(
    string Model,
    IReadOnlyList<int> Levels,
    string Loss,
    int Epochs,
    int Steps,
    int Batch,
    double LearningRate,
    string Schedule,
    int WarmupSteps,
    int ValidationBatches,
    float? ClipNorm,
    int? Patience,
    int? Pool,
    int Refresh)
{
    public const string MetadataPrefix = "perrin.training.";

    public static TrainingSettings Resolve(TrainRequest request, RecipeTraining? recipe)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Refresh is not null && (request.Pool ?? recipe?.Pool) is null)
        {
            throw new UserInputException("--refresh replaces samples of the replay pool; give --pool (or training.pool) too");
        }

        var settings = new TrainingSettings(
            request.Model ?? recipe?.Model ?? "unet",
            request.Levels ?? recipe?.Levels ?? [16, 32, 64],
            request.Loss ?? recipe?.Loss ?? "auto",
            request.Epochs ?? recipe?.Epochs ?? 10,
            request.Steps ?? recipe?.Steps ?? 100,
            request.BatchSize ?? recipe?.Batch ?? 8,
            request.LearningRate ?? recipe?.LearningRate ?? 1e-3,
            request.Schedule ?? recipe?.Schedule ?? "constant",
            request.WarmupSteps ?? recipe?.WarmupSteps ?? 0,
            request.ValidationBatches ?? recipe?.ValidationBatches ?? 2,
            request.ClipNorm ?? (float?)recipe?.ClipNorm,
            request.Patience ?? recipe?.Patience,
            request.Pool ?? recipe?.Pool,
            request.Refresh ?? recipe?.Refresh ?? 1);
        settings.Check();
        return settings;
    }

    /// <summary>
    /// The trainer options every kind of training shares: these settings, the seed, and the request's threads,
    /// workers, checkpoint and metrics; callers add their pool, progress and epoch callbacks with <c>with</c>.
    /// </summary>
    public TrainerOptions TrainerOptions(TrainRequest request, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TrainerOptions
        {
            Epochs = Epochs,
            StepsPerEpoch = Steps,
            BatchSize = Batch,
            ValidationBatches = ValidationBatches,
            WarmupSteps = WarmupSteps,
            Seed = seed,
            Threads = request.Threads,
            DataWorkers = request.Workers,
            ClipNorm = ClipNorm,
            EarlyStoppingPatience = Patience,
            CheckpointPath = request.Checkpoint,
            MetricsPath = request.Metrics,
        };
    }

    /// <summary>The settings as model-file metadata, under <see cref="MetadataPrefix"/>.</summary>
    public IReadOnlyDictionary<string, string> Metadata()
    {
        var c = CultureInfo.InvariantCulture;
        var entries = new Dictionary<string, string>
        {
            ["model"] = Model,
            ["levels"] = string.Join(',', Levels.Select(l => l.ToString(c))),
            ["loss"] = Loss,
            ["epochs"] = Epochs.ToString(c),
            ["steps_per_epoch"] = Steps.ToString(c),
            ["batch"] = Batch.ToString(c),
            ["lr"] = LearningRate.ToString("R", c),
            ["schedule"] = Schedule,
            ["warmup_steps"] = WarmupSteps.ToString(c),
            ["validation_batches"] = ValidationBatches.ToString(c),
        };
        if (ClipNorm is { } clip) entries["clip_norm"] = clip.ToString("R", c);
        if (Patience is { } patience) entries["patience"] = patience.ToString(c);
        if (Pool is { } pool)
        {
            entries["pool"] = pool.ToString(c);
            entries["refresh"] = Refresh.ToString(c);
        }

        return entries.ToDictionary(e => MetadataPrefix + e.Key, e => e.Value);
    }

    /// <summary>The recipe's training section these settings amount to; <paramref name="model"/> names the kind of network built.</summary>
    public RecipeTraining ToRecipeSection(string model)
    {
        var entries = new List<KeyValuePair<string, PropertySpec>>
        {
            new("model", Spec.Text(model)),
            new("loss", Spec.Text(Loss)),
            new("epochs", Epochs),
            new("steps", Steps),
            new("batch", Batch),
            new("lr", LearningRate),
            new("schedule", Spec.Text(Schedule)),
            new("warmup_steps", WarmupSteps),
            new("validation_batches", ValidationBatches),
        };
        // A network from a configuration file may have levels beyond what a recipe states; its architecture is in the file anyway.
        if (LevelsFitARecipe)
        {
            entries.Insert(1, new("levels", new ConstantSpec(PropertyValue.Of(Levels.Select(l => PropertyValue.Of(l))))));
        }

        if (ClipNorm is { } clip) entries.Add(new("clip_norm", (double)clip));
        if (Patience is { } patience) entries.Add(new("patience", patience));
        if (Pool is { } pool)
        {
            entries.Add(new("pool", pool));
            entries.Add(new("refresh", Refresh));
        }

        return new RecipeTraining(new PropertyMap(entries));
    }

    private bool LevelsFitARecipe => Levels.Count is >= 1 and <= 8 && Levels.All(l => l is >= 1 and <= 4096);

    private void Check()
    {
        if (Epochs is < 1 or > 100_000 || Steps is < 1 or > 10_000_000 || Batch is < 1 or > 4096)
        {
            throw new UserInputException($"epochs {Epochs}, steps {Steps}, batch {Batch}: --epochs (training.epochs) must be 1–100000, --steps 1–10000000 and --batch 1–4096");
        }

        if (!(LearningRate > 0 && LearningRate < 10))
        {
            throw new UserInputException($"--lr (training.lr) must be in (0, 10), got {LearningRate.ToString(CultureInfo.InvariantCulture)}");
        }

        if (ValidationBatches is < 0 or > 10_000 || WarmupSteps < 0 || Patience is < 1 || ClipNorm is { } c && !(c > 0))
        {
            throw new UserInputException("--validation-batches must be 0–10000, --warmup-steps at least 0, --patience at least 1 and --clip-norm positive");
        }

        if (Pool is < 1 or > ReplayPoolOptions.MaxSize || Refresh < 0 || Refresh > (Pool ?? int.MaxValue))
        {
            throw new UserInputException($"--pool (training.pool) must be 1–{ReplayPoolOptions.MaxSize} and --refresh (training.refresh) 0 to the pool size; got pool {Pool}, refresh {Refresh}");
        }

        if (!LevelsFitARecipe)
        {
            throw new UserInputException($"levels {string.Join(',', Levels)}: expected 1 to 8 channel counts between 1 and 4096");
        }
    }
}
