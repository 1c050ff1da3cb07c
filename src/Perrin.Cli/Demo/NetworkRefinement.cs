using System.Globalization;
using Perrin.Cli.Localize;
using Perrin.Core.Tables;

namespace Perrin.Cli.Demo;

/// <summary>
/// `perrin localize --refine ipsf --refine-split` on the network's rows of frames held in memory: each frame's
/// detections are fitted jointly with the interferometric PSF of the model recipe's objective on the raw frame, and
/// isolated detections that two scatterers explain better are split.
/// </summary>
internal sealed class NetworkRefinement
{
    /// <summary>The split threshold in residual variances per pixel, the value the README gives for --refine-split.</summary>
    public const double SplitThreshold = 300;

    private readonly LocalizeRefinement _refinement;
    private readonly int _threads;

    public NetworkRefinement(LocalizeModel model, int threads)
    {
        _refinement = LocalizeRefinement.Create(new RefineRequest { Method = LocalizeRefinement.Ipsf, SplitThreshold = SplitThreshold }, model, DemoScenario.PixelSizeNm, false)!;
        _threads = threads;
    }

    public static string Setup => string.Create(CultureInfo.InvariantCulture,
        $"the network's localizations refined on the raw frames as perrin localize --refine ipsf --refine-split {SplitThreshold:G} does: every detection of a frame fitted jointly with the aberration-free interferometric PSF of the recipe's objective (position, depth and complex amplitude), and each isolated detection that two scatterers explain better split in two");

    /// <summary>The refined rows of every frame, in frame order; <paramref name="report"/> gets the frames done.</summary>
    public List<Localization> Run(DemoMovie movie, IReadOnlyList<Localization> network, Action<long> report)
    {
        var byFrame = new List<Localization>[movie.FrameCount];
        for (var f = 0; f < byFrame.Length; f++)
        {
            byFrame[f] = [];
        }

        foreach (var row in network)
        {
            byFrame[row.Frame].Add(row);
        }

        // Frames are fitted side by side and their rows kept in frame order, so the result does not depend on the thread count.
        var refined = new List<Localization>[movie.FrameCount];
        var done = 0L;
        var gate = new object();
        Parallel.For(0, movie.FrameCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _threads) }, f =>
        {
            refined[f] = [.. _refinement.Apply(movie.Frames[f], movie.Height, movie.Width, byFrame[f], DemoScenario.PixelSizeNm, f)];
            lock (gate)
            {
                report(++done);
            }
        });
        return [.. refined.SelectMany(r => r)];
    }
}
