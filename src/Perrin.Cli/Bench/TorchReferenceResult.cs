namespace Perrin.Cli.Bench;

/// <summary>What the PyTorch reference measured: its version, its cases by name and its peak resident memory.</summary>
internal sealed record TorchReferenceResult(string Version, IReadOnlyDictionary<string, NnBenchResult> Cases, double? PeakResidentMb);
