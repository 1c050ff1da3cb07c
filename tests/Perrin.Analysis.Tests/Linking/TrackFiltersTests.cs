using Perrin.Analysis.Linking;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Tests.Linking;

public sealed class TrackFiltersTests
{
    private static readonly Localization[] Tracks =
    [
        new(0, 0, 0) { Particle = 0 }, new(0, 100, 0) { Particle = 1 }, new(0, 200, 0) { Particle = 2 },
        new(1, 3, 4) { Particle = 0 }, new(1, 101, 0) { Particle = 1 },
        new(3, 3, 8) { Particle = 0 },
    ];

    [Fact]
    public void FilterStubsKeepsTracksSeenInAtLeastTheGivenNumberOfFrames()
    {
        Assert.Equal(Tracks, TrackFilters.FilterStubs(Tracks, 1));
        Assert.Equal(new long?[] { 0, 1, 0, 1, 0 }, TrackFilters.FilterStubs(Tracks, 2).Select(r => r.Particle));
        Assert.Equal(new long?[] { 0, 0, 0 }, TrackFilters.FilterStubs(Tracks, 3).Select(r => r.Particle));
        Assert.Empty(TrackFilters.FilterStubs(Tracks, 4));

        var table = new LocalizationTable(Tracks, LocalizationColumns.Particle, 100);
        var filtered = TrackFilters.FilterStubs(table, 3);
        Assert.Equal(3, filtered.Count);
        Assert.Equal(100, filtered.PixelSizeNm);
        Assert.True(filtered.Has(LocalizationColumns.Particle));
    }

    [Fact]
    public void FilterStubsRefusesRowsWithoutTracksAndMeaninglessLengths()
    {
        Localization[] unlinked = [new(0, 0, 0) { Particle = 0 }, new(2, 0, 0)];
        Assert.Contains("row 1 (frame 2) has no particle id", Assert.Throws<ArgumentException>(() => TrackFilters.FilterStubs(unlinked, 2)).Message);
        Assert.Contains("≥ 1", Assert.Throws<ArgumentOutOfRangeException>(() => TrackFilters.FilterStubs(Tracks, 0)).Message);
    }

    [Fact]
    public void SummariesGiveSpanPointsGapsMeansAndDistances()
    {
        var summaries = TrackSummary.Summarize([.. Tracks.Reverse()]);
        Assert.Equal(new long[] { 0, 1, 2 }, summaries.Select(s => s.Particle));

        // Particle 0: (0, 0) → (3, 4) → (3, 8) in frames 0, 1, 3.
        Assert.Equal(new TrackSummary(0, 0, 3, 3, 2, 4, Math.Sqrt(73), 9), summaries[0]);
        Assert.Equal(1, summaries[0].MissedFrames);
        Assert.Equal(new TrackSummary(1, 0, 1, 2, 100.5, 0, 1, 1), summaries[1]);
        Assert.Equal(new TrackSummary(2, 0, 0, 1, 200, 0, 0, 0), summaries[2]);
        Assert.Equal(0, summaries[2].MissedFrames);
    }

    [Fact]
    public void ASummaryRefusesATrackSeenTwiceInOneFrame()
    {
        Localization[] doubled = [new(4, 0, 0) { Particle = 7 }, new(4, 1, 0) { Particle = 7 }];
        Assert.Contains("particle 7 has two points in frame 4", Assert.Throws<ArgumentException>(() => TrackSummary.Summarize(doubled)).Message);
    }
}
