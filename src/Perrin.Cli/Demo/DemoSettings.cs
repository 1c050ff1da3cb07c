namespace Perrin.Cli.Demo;

/// <summary>What `perrin demo` was asked to do.</summary>
/// <param name="Model">A model file, or the name of a built-in model.</param>
/// <param name="TrainEpochs">With <paramref name="Train"/>: epochs of the retraining.</param>
/// <param name="TrainSteps">With <paramref name="Train"/>: steps per epoch of the retraining.</param>
/// <param name="Refine">Whether the network's localizations are also refined by the joint iPSF fit and scored as a method of their own.</param>
internal sealed record DemoSettings(
    string Output,
    ulong Seed,
    int Frames,
    int Size,
    IReadOnlyList<double> Densities,
    int Threads,
    bool Train,
    int TrainEpochs,
    int TrainSteps,
    string Model,
    bool Refine = true);
