namespace Perrin.Cli.Training;

/// <summary>What `perrin train` was asked to do.</summary>
internal sealed record TrainRequest(
    string Recipe,
    string Output,
    string Model,
    int[] Levels,
    int Epochs,
    int Steps,
    int BatchSize,
    double LearningRate,
    string Loss,
    ulong? Seed,
    int Threads,
    int Workers,
    int ValidationBatches,
    int? Patience,
    float? ClipNorm,
    string Checkpoint,
    string Metrics,
    bool Resume);
