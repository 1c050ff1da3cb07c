namespace Perrin.Cli.Bench;

/// <summary>One localization method's speed on the simulated 256 × 256 frames, on one thread.</summary>
internal sealed record LocateBenchResult(string Method, int Frames, double FramesPerSecond, double LocalizationsPerFrame);
