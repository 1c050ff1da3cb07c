using System.Globalization;
using Perrin.Analysis.Diffusion;
using Perrin.Analysis.Linking;
using Perrin.Core.Tables;

namespace Perrin.Cli.Demo;

/// <summary>
/// `perrin track` and `perrin msd` on a movie's localizations: trackpy-style linking within a search range of 3.5
/// rms steps plus the 2 px matching tolerance, bridging up to <see cref="Memory"/> missed frames, then D from a line
/// through the first <see cref="FitLags"/> lags of the ensemble MSD (MSD = 4Dt + 4σ², positions taken at an instant).
/// </summary>
internal static class DemoTracking
{
    public const string NetworkSource = "network";
    public const string TruthSource = "truth";
    public const int Memory = 2;
    public const int FitLags = 4;
    private const int LongestMinLength = 10;

    public static double SearchRangeNm(DemoScenario scenario) => (3.5 * scenario.StepNm) + DemoScoring.ToleranceNm;

    public static int MinLength(DemoScenario scenario) => Math.Clamp(scenario.Frames / 2, 3, LongestMinLength);

    public static string Setup(DemoScenario scenario) => string.Create(CultureInfo.InvariantCulture,
        $"linked frame to frame (optimal assignment, search range {SearchRangeNm(scenario):F0} nm, memory {Memory} frames), tracks of ≥ {MinLength(scenario)} points; D from an ordinary least-squares line through lags 1–{FitLags} of the pair-weighted ensemble MSD");

    /// <summary>Links <paramref name="localizations"/> (any order) and estimates D.</summary>
    public static DiffusionResult Link(IReadOnlyList<Localization> localizations, DemoMovie movie, DemoScenario scenario)
    {
        var linker = new TrackLinker(new LinkingOptions(SearchRangeNm(scenario), Memory));
        var byFrame = localizations.GroupBy(l => l.Frame).ToDictionary(g => g.Key, g => g.ToArray());
        var linked = new List<Localization>(localizations.Count);
        for (var f = 0; f < movie.FrameCount; f++)
        {
            linked.AddRange(linker.LinkFrame(f, byFrame.TryGetValue(f, out var rows) ? rows : []));
        }

        return Estimate(TrackFilters.FilterStubs(linked, MinLength(scenario)), movie, scenario, NetworkSource);
    }

    /// <summary>D of the true tracks, by the same estimator: what this movie's finite tracks allow at best.</summary>
    public static DiffusionResult Truth(DemoMovie movie, DemoScenario scenario) =>
        Estimate(TrackFilters.FilterStubs(movie.Truth, MinLength(scenario)), movie, scenario, TruthSource);

    private static DiffusionResult Estimate(List<Localization> tracks, DemoMovie movie, DemoScenario scenario, string source)
    {
        var minLength = MinLength(scenario);
        var maxLag = Math.Max(LongestMinLength, scenario.Frames / 3);
        var options = new DiffusionOptions(scenario.FrameIntervalS, MaxLag: maxLag, MinLength: minLength, FitLags: FitLags, Blur: MotionBlur.Instantaneous);
        try
        {
            return new DiffusionResult(movie.Density, source, tracks, DiffusionAnalysis.Run(tracks, options), null);
        }
        catch (ArgumentException e)
        {
            return new DiffusionResult(movie.Density, source, tracks, null, e.Message);
        }
    }
}
