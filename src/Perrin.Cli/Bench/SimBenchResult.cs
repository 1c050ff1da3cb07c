namespace Perrin.Cli.Bench;

/// <summary>Images per second of one case, on one thread and on <see cref="Threads"/> threads.</summary>
internal sealed record SimBenchResult(SimBenchCase Case, int Threads, double ImagesPerSecond, double ImagesPerSecondOneThread);
