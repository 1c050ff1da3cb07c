namespace Perrin.Cli.Bench;

/// <summary>Medians of one benchmark network at one thread count.</summary>
internal sealed record NnBenchResult(string Case, long Parameters, int Batch, double TrainStepMs, double InferBatchMs);
