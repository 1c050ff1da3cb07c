namespace Perrin.Cli.Training;

/// <summary>
/// What `perrin train` was asked to do. A null setting was not given on the command line: the recipe's training
/// section, then the built-in default, supplies it (<see cref="TrainingSettings.Resolve"/>).
/// </summary>
internal sealed record TrainRequest(
    string Recipe,
    string Output,
    string? Model,
    int[]? Levels,
    int? Epochs,
    int? Steps,
    int? BatchSize,
    double? LearningRate,
    string? Loss,
    ulong? Seed,
    int Threads,
    int Workers,
    int? ValidationBatches,
    int? Patience,
    float? ClipNorm,
    string Checkpoint,
    string Metrics,
    bool Resume)
{
    public string? Schedule { get; init; }

    public int? WarmupSteps { get; init; }

    public int? Pool { get; init; }

    public int? Refresh { get; init; }

    /// <summary>A model file whose weights training starts from (fine-tuning); null starts from random weights.</summary>
    public string? Init { get; init; }

    /// <summary>The training curve, SVG; a PNG of it goes next to it.</summary>
    public string Curve { get; init; } = "curve.svg";
}
