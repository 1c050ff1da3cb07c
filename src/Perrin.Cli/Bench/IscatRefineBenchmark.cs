using System.Diagnostics;
using Perrin.Cli.Demo;
using Perrin.Cli.Localize;

namespace Perrin.Cli.Bench;

/// <summary>
/// The iSCAT path of `perrin localize` as `perrin demo` runs it: the built-in iscat-dense network, then its rows
/// refined by the joint iPSF fit with splits (--refine ipsf --refine-split 300), on the demo's 256 × 256 movie at
/// 1 particle/µm². Each is timed after a two-frame warm-up; the refined path's time includes the network's.
/// </summary>
internal static class IscatRefineBenchmark
{
    public const double Density = 1;
    private const int Side = 256;
    private const ulong Seed = 3;

    public static string NetworkName => "network (iscat-dense)";

    public static string RefinedName => $"{DemoResults.Refined} (iscat-dense)";

    public static string Description => $"iSCAT: the demo's {Side}×{Side} movie at {Density} particle/µm² (seed {Seed})";

    public static (LocateBenchResult Network, LocateBenchResult Refined) Measure(int frames, int threads)
    {
        var movie = DemoSimulation.Render(new DemoScenario(Side, frames, Seed), Density, 0, threads, _ => { });
        var model = LocalizeModel.Load("iscat-dense");
        var network = new NetworkLocalization(model, threads);
        var refinement = new NetworkRefinement(model, threads);
        var warm = movie with { Frames = movie.Frames[..Math.Min(2, frames)] };
        refinement.Run(warm, network.Run(warm, _ => { }), _ => { });

        var clock = Stopwatch.StartNew();
        var rows = network.Run(movie, _ => { });
        var networkSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var refined = refinement.Run(movie, rows, _ => { });
        var refinedSeconds = networkSeconds + clock.Elapsed.TotalSeconds;
        return (new LocateBenchResult(NetworkName, frames, frames / Math.Max(networkSeconds, 1e-9), (double)rows.Count / frames),
            new LocateBenchResult(RefinedName, frames, frames / Math.Max(refinedSeconds, 1e-9), (double)refined.Count / frames));
    }
}
