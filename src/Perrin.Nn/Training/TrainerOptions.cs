namespace Perrin.Nn.Training;

/// <summary>How a <see cref="Trainer"/> runs; checked by <see cref="Validate"/> when training starts.</summary>
public sealed record TrainerOptions
{
    public int Epochs { get; init; } = 10;

    public int StepsPerEpoch { get; init; } = 100;

    public int BatchSize { get; init; } = 16;

    /// <summary>Batches in the fixed validation set (0: none; early stopping and plateau schedules then use the training loss).</summary>
    public int ValidationBatches { get; init; } = 4;

    /// <summary>Seeds the data: batch k is a pure function of (Seed, k).</summary>
    public ulong Seed { get; init; }

    /// <summary>Threads of the CPU backend during training.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Background threads making batches (0: on the training thread).</summary>
    public int DataWorkers { get; init; } = 1;

    /// <summary>Batches made ahead at most.</summary>
    public int BufferCapacity { get; init; } = 4;

    /// <summary>
    /// Steps over which the learning rate rises linearly to the schedule's (step s of the first W runs at s/W of
    /// it); a function of the step alone, so resuming continues it exactly. 0: no warm-up.
    /// </summary>
    public int WarmupSteps { get; init; }

    /// <summary>Draw batches from a replay pool of simulated samples instead of making each batch anew (null: no pool).</summary>
    public ReplayPoolOptions? Pool { get; init; }

    /// <summary>Clips the global gradient norm to this (null: no clipping).</summary>
    public float? ClipNorm { get; init; }

    /// <summary>Clips every gradient element to ±this (null: no clipping).</summary>
    public float? ClipValue { get; init; }

    /// <summary>Stops after this many epochs without improvement (null: never).</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>An epoch improves when its loss is below the best by more than this.</summary>
    public double EarlyStoppingMinDelta { get; init; }

    /// <summary>Where the checkpoint is written after every epoch (null: none).</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Where the per-epoch metrics CSV is written (null: none).</summary>
    public string? MetricsPath { get; init; }

    /// <summary>Told after every epoch, once its checkpoint and metrics row are written.</summary>
    public Action<EpochMetrics>? EpochEnded { get; init; }

    /// <summary>Told after every step.</summary>
    public IProgress<TrainingProgress>? Progress { get; init; }

    public void Validate()
    {
        Positive(Epochs, nameof(Epochs));
        Positive(StepsPerEpoch, nameof(StepsPerEpoch));
        Positive(BatchSize, nameof(BatchSize));
        Positive(Threads, nameof(Threads));
        Positive(BufferCapacity, nameof(BufferCapacity));
        if (ValidationBatches < 0 || DataWorkers < 0 || WarmupSteps < 0)
            throw new ArgumentException($"TrainerOptions: ValidationBatches ({ValidationBatches}), DataWorkers ({DataWorkers}) and WarmupSteps ({WarmupSteps}) must not be negative.");
        Pool?.Validate();
        if (ClipNorm is { } n && !(n > 0f)) throw new ArgumentException($"TrainerOptions: ClipNorm {n} must be positive.");
        if (ClipValue is { } v && !(v > 0f)) throw new ArgumentException($"TrainerOptions: ClipValue {v} must be positive.");
        if (EarlyStoppingPatience is < 1) throw new ArgumentException($"TrainerOptions: EarlyStoppingPatience {EarlyStoppingPatience} must be at least 1.");
        if (!(EarlyStoppingMinDelta >= 0)) throw new ArgumentException($"TrainerOptions: EarlyStoppingMinDelta {EarlyStoppingMinDelta} must be non-negative.");
        if ((long)Epochs * StepsPerEpoch > 1L << 40) throw new ArgumentException($"TrainerOptions: {Epochs} epochs of {StepsPerEpoch} steps are too many.");
    }

    private static void Positive(int value, string name)
    {
        if (value < 1) throw new ArgumentException($"TrainerOptions: {name} is {value}; it must be at least 1.");
    }
}
