using Perrin.Analysis.Evaluation;
using Perrin.Analysis.Linking;
using Perrin.Analysis.Tests.Linking;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Tests.Evaluation;

public sealed class TrackingScoreTests
{
    private const double Gate = 500;

    [Fact]
    public void PerfectTracksScoreOneEverywhere()
    {
        var truth = Track(0, 0, 0, frames: 4).Concat(Track(1, 0, 1000, frames: 4)).ToList();
        var s = TrackingScore.Compute(truth, Relabel(truth, 10), Gate);

        Assert.Equal(1.0, s.Alpha);
        Assert.Equal(1.0, s.Beta);
        Assert.Equal(1.0, s.TrackJaccard);
        Assert.Equal(s.TruthPoints, s.EstimatedPoints);
        Assert.Equal((6, 6, 6, 6), (s.TruthLinks, s.RecoveredLinks, s.EstimatedLinks, s.CorrectEstimatedLinks));
        Assert.Equal((2, 0, 0), (s.PairedTracks, s.MissedTracks, s.SpuriousTracks));
    }

    [Fact]
    public void ASwappedPairHalvesAlphaAndBeta()
    {
        // A (y = 0) and B (y = 1000 nm) walk along x; the estimate swaps them after frame 1 and is off by 30 nm in x.
        // Each pairing of a true track with an estimated one then matches 2 of 4 frames at 30 nm and misses 2 (ε each):
        // d(X, Y) = 2·(2ε + 2·30) = 4ε + 120 against d(X, ∅) = 8ε, so α = β = 1 − 2120 / 4000.
        var a = Track(0, 0, 0, frames: 4);
        var b = Track(1, 0, 1000, frames: 4);
        var p = new[] { a[0], a[1], b[2], b[3] }.Select(r => r with { X = r.X + 30, Particle = 7 });
        var q = new[] { b[0], b[1], a[2], a[3] }.Select(r => r with { X = r.X + 30, Particle = 8 });
        var s = TrackingScore.Compute([.. a, .. b], [.. p, .. q], Gate);

        Assert.Equal(1 - (2120.0 / 4000), s.Alpha, 12);
        Assert.Equal(1 - (2120.0 / 4000), s.Beta, 12);
        Assert.Equal(1.0, s.TrackJaccard);
        Assert.Equal(4.0 / 12, s.PointJaccard, 12);
        Assert.Equal((6, 4, 6, 4), (s.TruthLinks, s.RecoveredLinks, s.EstimatedLinks, s.CorrectEstimatedLinks));
        Assert.Equal(4.0 / 6, s.LinkRecovery, 12);
    }

    [Fact]
    public void AMissingTrackCostsAlphaAndTheTrackJaccard()
    {
        var truth = Track(0, 0, 0, frames: 4).Concat(Track(1, 0, 1000, frames: 4)).Concat(Track(2, 0, 2000, frames: 2)).ToList();
        var s = TrackingScore.Compute(truth, Relabel(truth.Where(r => r.Particle != 2).ToList(), 0), Gate);

        Assert.Equal(0.8, s.Alpha, 12);
        Assert.Equal(0.8, s.Beta, 12);
        Assert.Equal(2.0 / 3, s.TrackJaccard, 12);
        Assert.Equal((2, 1, 0), (s.PairedTracks, s.MissedTracks, s.SpuriousTracks));
        Assert.Equal((7, 6), (s.TruthLinks, s.RecoveredLinks));
    }

    [Fact]
    public void ASpuriousTrackLowersBetaButNotAlpha()
    {
        var truth = Track(0, 0, 0, frames: 4).Concat(Track(1, 0, 1000, frames: 4)).ToList();
        var estimate = Relabel(truth, 0).Concat(Track(5, 0, 9000, frames: 3)).ToList();
        var s = TrackingScore.Compute(truth, estimate, Gate);

        Assert.Equal(1.0, s.Alpha);
        Assert.Equal(8.0 / 11, s.Beta, 12);
        Assert.Equal(2.0 / 3, s.TrackJaccard, 12);
        Assert.Equal((2, 0, 1), (s.PairedTracks, s.MissedTracks, s.SpuriousTracks));
        Assert.Equal((8, 6), (s.EstimatedLinks, s.CorrectEstimatedLinks));
    }

    [Fact]
    public void ASplitTrackPairsOneHalfAndCountsTheOtherAsSpurious()
    {
        var truth = Track(0, 0, 0, frames: 6);
        var estimate = truth.Select(r => r with { Particle = r.Frame < 3 ? 1 : 2 }).ToList();
        var s = TrackingScore.Compute(truth, estimate, Gate);

        Assert.Equal(0.5, s.Alpha, 12);
        Assert.Equal(1.0 / 3, s.Beta, 12);
        Assert.Equal(0.5, s.TrackJaccard, 12);
        Assert.Equal((5, 4), (s.TruthLinks, s.RecoveredLinks));
    }

    [Fact]
    public void PointsOfAnEstimatedTrackBeyondItsTruthCountAsMisses()
    {
        // The estimate runs two frames past the truth: d = 2ε against d(X, ∅) = 4ε.
        var truth = Track(0, 0, 0, frames: 4);
        var estimate = Track(3, 0, 0, frames: 6);
        var s = TrackingScore.Compute(truth, estimate, Gate);
        Assert.Equal(0.5, s.Alpha, 12);
        Assert.Equal(0.5, s.Beta, 12);
        Assert.Equal(1, s.PairedTracks);
    }

    [Fact]
    public void PointsAtTheGateOrBeyondDoNotMatch()
    {
        var truth = Track(0, 0, 0, frames: 2);
        var atGate = truth.Select(r => r with { Y = r.Y + Gate, Particle = 1 }).ToList();
        var s = TrackingScore.Compute(truth, atGate, Gate);
        Assert.Equal(0.0, s.Alpha);
        Assert.Equal(0, s.PairedTracks);
        Assert.Equal(0, s.RecoveredLinks);

        var inside = truth.Select(r => r with { Y = r.Y + (Gate - 100), Particle = 1 }).ToList();
        Assert.Equal(0.2, TrackingScore.Compute(truth, inside, Gate).Alpha, 12);
    }

    [Fact]
    public void AnEmptyEstimateScoresZero()
    {
        var s = TrackingScore.Compute(Track(0, 0, 0, frames: 3), [], Gate);
        Assert.Equal((0.0, 0.0, 0.0), (s.Alpha, s.Beta, s.TrackJaccard));
        Assert.Equal(0.0, s.LinkRecovery);
        Assert.True(double.IsNaN(s.LinkPrecision));
    }

    [Fact]
    public void LinkRecoveryAgreesWithTheDirectCountOnLinkedBrownianTracks()
    {
        var truth = BrownianMovie.Simulate(seed: 11, particles: 200, fieldNm: 100 * 100, frames: 20, stepRms: 100)
            .Select(r => r with { Particle = r.Id }).ToList();
        var linked = TrackLinker.Link(truth, new LinkingOptions(300)).ToList();
        var (recovered, total) = BrownianMovie.RecoveredLinks(linked);

        // Positions are exact, so a gate far below the spacing matches every point to itself.
        var s = TrackingScore.Compute(truth, linked, 1);
        Assert.Equal((total, recovered), (s.TruthLinks, s.RecoveredLinks));
        Assert.Equal(s.TruthPoints, s.EstimatedPoints);
        Assert.InRange(s.Alpha, 0.5, 1.0);
        Assert.True(s.Beta <= s.Alpha);
    }

    [Fact]
    public void BadInputIsRefusedWithTheProblemNamed()
    {
        var truth = Track(0, 0, 0, frames: 2);
        Assert.Contains("nothing to score", Assert.Throws<ArgumentException>(() => TrackingScore.Compute([], truth, Gate)).Message);
        Assert.Contains("gate", Assert.Throws<ArgumentOutOfRangeException>(() => TrackingScore.Compute(truth, truth, 0)).Message);
        Assert.Contains("no particle id", Assert.Throws<ArgumentException>(() => TrackingScore.Compute(truth, [new Localization(0, 0, 0)], Gate)).Message);
        Localization[] twice = [new(3, 0, 0) { Particle = 4 }, new(3, 5, 0) { Particle = 4 }];
        var e = Assert.Throws<ArgumentException>(() => TrackingScore.Compute(twice, truth, Gate));
        Assert.Contains("particle 4 has two points in frame 3", e.Message);
        Assert.Equal("truth", e.ParamName);
    }

    /// <summary>A track stepping 100 nm along x per frame from (x0, y0), frames 0 … frames − 1.</summary>
    private static List<Localization> Track(long particle, double x0, double y0, int frames) =>
        [.. Enumerable.Range(0, frames).Select(t => new Localization(t, x0 + (100 * t), y0) { Particle = particle })];

    private static List<Localization> Relabel(List<Localization> rows, long offset) =>
        [.. rows.Select(r => r with { Particle = r.Particle + offset })];
}
