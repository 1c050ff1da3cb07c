namespace Perrin.Cli.Demo;

/// <summary>Everything the demo measured, for the report and the summary table.</summary>
internal sealed record DemoResults(
    DemoSettings Settings,
    DemoScenario Scenario,
    DemoModel Model,
    IReadOnlyList<DemoMovie> Movies,
    IReadOnlyList<string> Methods,
    IReadOnlyDictionary<string, string> Setups,
    IReadOnlyList<MethodResult> Scores,
    IReadOnlyList<DiffusionResult> Diffusion,
    IReadOnlyList<ClassicalFrames> Classical,
    TimeSpan Elapsed)
{
    public const string Network = "network";

    /// <summary>The network's localizations refined by the joint iPSF fit with splits.</summary>
    public const string Refined = "network+ipsf";

    /// <summary>Whether <paramref name="method"/> saw the raw frames (the network and its refinement) rather than the classical methods' preprocessed ones.</summary>
    public static bool SeesRawFrames(string method) => method is Network or Refined;

    public MethodResult Score(string method, double density) => Scores.First(s => s.Method == method && s.Density == density);
}
