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

    public MethodResult Score(string method, double density) => Scores.First(s => s.Method == method && s.Density == density);
}
