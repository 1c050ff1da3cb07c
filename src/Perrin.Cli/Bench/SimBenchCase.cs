namespace Perrin.Cli.Bench;

/// <summary>
/// One case of `perrin bench sim` as BENCHMARKS.md defines it: a square fluorescence image of
/// <see cref="Emitters"/> point emitters placed uniformly in [<see cref="Low"/>, <see cref="High"/>] px on both
/// axes, and DeepTrack 2.0's measured speed range on the same machine kind. <see cref="Brightfield"/> cases image Mie
/// spheres instead (<see cref="SimBenchmark.BrightfieldRecipe"/>).
/// </summary>
internal sealed record SimBenchCase(string Name, int Size, int Emitters, double Low, double High, double DeepTrackLow, double DeepTrackHigh)
{
    public static IReadOnlyList<SimBenchCase> All { get; } =
    [
        new("sim-a", 64, 1, 10, 54, 124, 168),
        new("sim-b", 256, 50, -0.5, 255.5, 10.7, 12.3),
        new("sim-c", 128, 1, 20, 108, 50, 62) { Brightfield = true },
    ];

    /// <summary>Whether the case is a brightfield image of Mie spheres rather than a fluorescence one.</summary>
    public bool Brightfield { get; init; }
}
