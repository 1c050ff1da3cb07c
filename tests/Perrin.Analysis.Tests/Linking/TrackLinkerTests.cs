using Perrin.Analysis.Linking;
using Perrin.Core.Randomness;
using Perrin.Core.Tables;
using Xunit.Abstractions;

namespace Perrin.Analysis.Tests.Linking;

public sealed class TrackLinkerTests(ITestOutputHelper output)
{
    private const double Pixel = 100;

    [Fact]
    public void BrownianParticlesAtModerateDensityKeepAtLeast99PercentOfTheirLinks()
    {
        // 200 particles in 200 × 200 px (0.005 per px²), sqrt(4DΔt) = 1 px, search range 3 · sqrt(4DΔt).
        var truth = BrownianMovie.Simulate(seed: 11, particles: 200, fieldNm: 200 * Pixel, frames: 50, stepRms: Pixel);
        var linked = TrackLinker.Link(truth, new LinkingOptions(3 * Pixel)).ToList();

        var (recovered, total) = BrownianMovie.RecoveredLinks(linked);
        output.WriteLine($"0.005 per px²: recovered {recovered} of {total} true links ({100.0 * recovered / total:F2} %)");
        Assert.Equal(200 * 49, total);
        Assert.True(recovered >= 0.99 * total, $"only {recovered} of {total} links recovered");
        Assert.Equal(truth.Count, linked.Count);
    }

    [Fact]
    public void AtHighDensityLinkingReachesTheLimitOfTheBestPossibleAssignment()
    {
        // Two particles r apart swap under the least-squares rule when their relative step projected on their
        // separation exceeds r, which has probability Q(r / s) with s = sqrt(4DΔt). Summed over neighbours at density
        // ρ that breaks a fraction ρ·π·s²/2 of the links whatever the linker: 3.1 % for 200 particles in 100 × 100 px.
        var truth = BrownianMovie.Simulate(seed: 11, particles: 200, fieldNm: 100 * Pixel, frames: 50, stepRms: Pixel);
        var linked = TrackLinker.Link(truth, new LinkingOptions(3 * Pixel)).ToList();

        var (recovered, total) = BrownianMovie.RecoveredLinks(linked);
        output.WriteLine($"0.02 per px²: recovered {recovered} of {total} true links ({100.0 * recovered / total:F2} %)");
        var broken = 1 - ((double)recovered / total);
        Assert.InRange(broken, 0.015, 0.035);
    }

    [Fact]
    public void EachTrackKeepsOneParticleWhenParticlesAreFarApart()
    {
        var truth = BrownianMovie.Simulate(seed: 3, particles: 10, fieldNm: 1e6, frames: 20, stepRms: Pixel);
        var linked = TrackLinker.Link(truth, new LinkingOptions(3 * Pixel)).ToList();
        Assert.Equal(BrownianMovie.RecoveredLinks(linked), (10 * 19, 10 * 19));
        Assert.Equal(10, linked.Select(r => r.Particle).Distinct().Count());
    }

    [Fact]
    public void GlobalAssignmentBeatsGreedyNearestNeighbour()
    {
        // A at 0 and B at 150 nm move to 100 and 260 nm. Greedy closest-pair-first takes B → 100 (50 nm) and leaves A
        // with nothing within 200 nm: one link, one broken track (50² + 200² = 42 500 nm²). Both links together cost
        // 100² + 110² = 22 100 nm², so trackpy's rule links A → 100 and B → 260.
        var rows = new[]
        {
            new Localization(0, 1000, 500), new Localization(0, 1150, 500),
            new Localization(1, 1100, 500), new Localization(1, 1260, 500),
        };
        var linked = TrackLinker.Link(rows, new LinkingOptions(200)).ToList();

        Assert.Equal(2, linked.Select(r => r.Particle).Distinct().Count());
        Assert.Equal(ParticleAt(linked, 0, 1000), ParticleAt(linked, 1, 1100));
        Assert.Equal(ParticleAt(linked, 0, 1150), ParticleAt(linked, 1, 1260));
    }

    [Fact]
    public void LinksShorterThanTheSearchRangeAreMadeAndOthersNot()
    {
        var rows = new[]
        {
            new Localization(0, 0, 0), new Localization(0, 10_000, 0),
            new Localization(1, 299.9, 0), new Localization(1, 10_300, 0),
        };
        var linked = TrackLinker.Link(rows, new LinkingOptions(300)).ToList();
        Assert.Equal(ParticleAt(linked, 0, 0), ParticleAt(linked, 1, 299.9));
        Assert.NotEqual(ParticleAt(linked, 0, 10_000), ParticleAt(linked, 1, 10_300));
        Assert.Equal(3, linked.Select(r => r.Particle).Distinct().Count());
    }

    [Fact]
    public void MemoryClosesAOneFrameGapAndNoLonger()
    {
        // Seen in frames 0, 1, 3 (one frame missed), then 6 (two frames missed).
        var rows = new[]
        {
            new Localization(0, 500, 500), new Localization(1, 550, 500), new Localization(3, 600, 520), new Localization(6, 640, 520),
        };

        var withMemory = new TrackLinker(new LinkingOptions(200, memory: 1));
        var ids = new List<long>();
        foreach (var r in rows)
            ids.Add(withMemory.LinkFrame(r.Frame, [r])[0].Particle!.Value);
        Assert.Equal(new long[] { 0, 0, 0, 1 }, ids);
        Assert.Equal(new LinkStatistics(Frames: 4, Localizations: 4, Links: 2, GapLinks: 1, Tracks: 2), withMemory.Statistics);

        var noMemory = TrackLinker.Link(rows, new LinkingOptions(200)).Select(r => r.Particle!.Value);
        Assert.Equal(new long[] { 0, 0, 1, 2 }, noMemory);
        var longMemory = TrackLinker.Link(rows, new LinkingOptions(200, memory: 2)).Select(r => r.Particle!.Value);
        Assert.Equal(new long[] { 0, 0, 0, 0 }, longMemory);
    }

    [Fact]
    public void MemoryForgetsTracksSoOnlyRecentOnesStayActive()
    {
        var linker = new TrackLinker(new LinkingOptions(100, memory: 2));
        linker.LinkFrame(0, [new Localization(0, 0, 0), new Localization(0, 5000, 0)]);
        linker.LinkFrame(1, [new Localization(1, 10, 0)]);
        Assert.Equal(2, linker.ActiveTracks);
        linker.LinkFrame(4, [new Localization(4, 20, 0)]);
        Assert.Equal(1, linker.ActiveTracks);
    }

    [Fact]
    public void ThePredictorFollowsAcceleratingDirectedMotionThatPlainLinkingLoses()
    {
        // Particles speeding up from 100 to 480 nm per frame along x, 400 nm apart in y; search range 200 nm.
        var rows = new List<Localization>();
        for (var t = 0; t < 20; t++)
        {
            for (var p = 0; p < 5; p++)
            {
                var x = 1000 + (100 * t) + (10 * t * t);
                rows.Add(new Localization(t, x, 1000 + (400 * p)) { Id = p });
            }
        }

        var plain = TrackLinker.Link(rows, new LinkingOptions(200)).ToList();
        var predicted = TrackLinker.Link(rows, new LinkingOptions(200, predict: true)).ToList();

        var (plainLinks, total) = BrownianMovie.RecoveredLinks(plain);
        Assert.Equal(5 * 19, total);
        Assert.True(plainLinks < total / 2, $"plain linking kept {plainLinks} of {total} links");
        Assert.Equal((total, total), BrownianMovie.RecoveredLinks(predicted));
        Assert.Equal(5, predicted.Select(r => r.Particle).Distinct().Count());
    }

    [Fact]
    public void ThePredictorExtrapolatesAcrossAGap()
    {
        // Constant velocity of 300 nm per frame; frame 2 is missed, so the particle reappears 600 nm further on.
        var rows = new[] { new Localization(0, 0, 0), new Localization(1, 300, 0), new Localization(3, 900, 0) };
        var linked = TrackLinker.Link(rows, new LinkingOptions(350, memory: 1, predict: true)).ToList();
        Assert.All(linked, r => Assert.Equal(0, r.Particle));
        Assert.Equal(2, TrackLinker.Link(rows, new LinkingOptions(350, memory: 1)).Select(r => r.Particle).Distinct().Count());
    }

    [Fact]
    public void ParticleIdsFollowFirstAppearanceThenPositionWhateverTheRowOrder()
    {
        var truth = BrownianMovie.Simulate(seed: 5, particles: 60, fieldNm: 40 * Pixel, frames: 15, stepRms: Pixel);
        var reference = TrackLinker.Link(truth, new LinkingOptions(3 * Pixel, memory: 1)).ToList();

        var random = new RandomStream(99, 0);
        var shuffled = truth.GroupBy(r => r.Frame).SelectMany(g => Shuffle(g.ToArray(), random)).ToList();
        Assert.NotEqual(truth, shuffled);
        var again = TrackLinker.Link(shuffled, new LinkingOptions(3 * Pixel, memory: 1)).ToList();
        Assert.Equal(reference, again);

        var first = reference.Where(r => r.Frame == 0).ToList();
        Assert.Equal(Enumerable.Range(0, 60).Select(i => (long?)i), first.Select(r => r.Particle));
        Assert.Equal(first.OrderBy(r => r.X).Select(r => r.X), first.Select(r => r.X));

        // Each frame comes out in particle order, and a new track gets the next id.
        foreach (var frame in reference.GroupBy(r => r.Frame))
            Assert.Equal(frame.Select(r => r.Particle).Order(), frame.Select(r => r.Particle));
        var seen = new HashSet<long>();
        long next = 0;
        foreach (var row in reference)
        {
            if (seen.Add(row.Particle!.Value))
                Assert.Equal(next++, row.Particle);
        }
    }

    [Fact]
    public void TenThousandParticlesLinkBetweenTwoFramesWithoutBlowUp()
    {
        // Density 0.01 per px² with steps of 1 px RMS and a 3 px search range: quick, and within the 1.6 % of links
        // that crowding breaks for any linker (see above).
        var truth = BrownianMovie.Simulate(seed: 21, particles: 10_000, fieldNm: 1000 * Pixel, frames: 2, stepRms: Pixel);
        var linked = TrackLinker.Link(truth, new LinkingOptions(3 * Pixel)).ToList();
        var (recovered, total) = BrownianMovie.RecoveredLinks(linked);
        output.WriteLine($"10^4 particles: recovered {recovered} of {total} links");
        Assert.Equal(10_000, total);
        Assert.True(recovered >= 9_800, $"{recovered} of {total}");
    }

    [Fact]
    public void ADenseCrowdLinksExactlyThroughOneLargeSubnetwork()
    {
        // A 40 × 40 lattice with 1 px spacing, shifted by 0.3 px, under a 3 px search range: every particle has ~28
        // candidates and the whole crowd is one subnetwork, far beyond trackpy's default limit of 30.
        var rows = new List<Localization>();
        for (var t = 0; t < 2; t++)
        {
            for (var i = 0; i < 1600; i++)
                rows.Add(new Localization(t, ((i % 40) + (0.3 * t)) * Pixel, (i / 40) * Pixel) { Id = i });
        }

        var linked = TrackLinker.Link(rows, new LinkingOptions(3 * Pixel)).ToList();
        Assert.Equal((1600, 1600), BrownianMovie.RecoveredLinks(linked));
    }

    [Fact]
    public void TracksContinuedInAFrameThatStartsManyNewOnesKeepTheirNewPosition()
    {
        // In frame 1, A moves 250 nm while ten new particles (earlier in position order) start tracks; A must be found
        // at its frame-1 position in frame 2, 250 nm on, not at its frame-0 position, 500 nm back.
        var rows = new List<Localization> { new(0, 10_000, 0) };
        rows.AddRange(Enumerable.Range(0, 10).Select(i => new Localization(1, 1000 * i, 5000)));
        rows.Add(new Localization(1, 10_250, 0));
        rows.Add(new Localization(2, 10_500, 0));

        var linked = TrackLinker.Link(rows, new LinkingOptions(300)).ToList();
        Assert.Equal(0, ParticleAt(linked, 2, 10_500));
        Assert.Equal(0, ParticleAt(linked, 1, 10_250));
    }

    [Fact]
    public void TablesInAnyRowOrderComeBackSortedWithAParticleColumn()
    {
        var rows = new[] { new Localization(1, 110, 0), new Localization(0, 100, 0), new Localization(0, 5000, 0), new Localization(1, 5010, 0) };
        var table = new LocalizationTable(rows, LocalizationColumns.Required, 100);
        var linked = TrackLinker.Link(table, new LinkingOptions(50));
        Assert.True(linked.Has(LocalizationColumns.Particle));
        Assert.Equal(100, linked.PixelSizeNm);
        Assert.Equal(new[] { 0, 0, 1, 1 }, linked.Rows.Select(r => r.Frame));
        Assert.Equal(new long?[] { 0, 1, 0, 1 }, linked.Rows.Select(r => r.Particle));
        Assert.Equal(new double[] { 100, 5000, 110, 5010 }, linked.Rows.Select(r => r.X));
    }

    [Fact]
    public void EmptyInputAndEmptyFramesAreFine()
    {
        Assert.Empty(TrackLinker.Link([], new LinkingOptions(1)));
        var linker = new TrackLinker(new LinkingOptions(100));
        Assert.Empty(linker.LinkFrame(0, []));
        Assert.Single(linker.LinkFrame(1, [new Localization(1, 0, 0)]));
        Assert.Empty(linker.LinkFrame(2, []));
        Assert.Equal(new LinkStatistics(3, 1, 0, 0, 1), linker.Statistics);
    }

    [Fact]
    public void BadInputIsRefusedWithAClearMessage()
    {
        Assert.Contains("search range", Assert.Throws<ArgumentOutOfRangeException>(() => new LinkingOptions(0)).Message);
        Assert.Contains("search range", Assert.Throws<ArgumentOutOfRangeException>(() => new LinkingOptions(double.NaN)).Message);
        Assert.Contains("memory", Assert.Throws<ArgumentOutOfRangeException>(() => new LinkingOptions(1, memory: -1)).Message);

        var unsorted = new[] { new Localization(1, 0, 0), new Localization(0, 0, 0) };
        var e = Assert.Throws<ArgumentException>(() => TrackLinker.Link(unsorted, new LinkingOptions(1)).ToList());
        Assert.Contains("sorted by frame", e.Message);

        var linker = new TrackLinker(new LinkingOptions(1));
        linker.LinkFrame(3, []);
        Assert.Contains("increasing order", Assert.Throws<ArgumentException>(() => linker.LinkFrame(3, [])).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => linker.LinkFrame(4, [new Localization(4, double.NaN, 0)])).Message);

        // A point absurdly far away is still placed: it starts a track of its own.
        Assert.NotNull(Assert.Single(linker.LinkFrame(5, [new Localization(5, 1e300, 0)])).Particle);
    }

    private static long ParticleAt(List<Localization> rows, int frame, double x) =>
        rows.Single(r => r.Frame == frame && r.X == x).Particle!.Value;

    private static Localization[] Shuffle(Localization[] rows, RandomStream random)
    {
        for (var i = rows.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        return rows;
    }
}
