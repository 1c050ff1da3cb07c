using Perrin.Analysis.Diffusion;

namespace Perrin.Analysis.Tests.Diffusion;

public sealed class MsdTests
{
    [Fact]
    public void GapsPairOnlyFramesThatExist()
    {
        // Frames 0, 1, 3, 4 at x = 0, 1000, 3000, 6000 nm (y = 0, 2000, 2000, 2000 nm).
        var track = new Track(1, [0, 1, 3, 4], [0, 1000, 3000, 6000], [0, 2000, 2000, 2000]);
        var msd = Msd.ForTrack(track, 5, 0.5);

        // lag 1: (0→1) 1+4, (3→4) 9+0 µm²; lag 2: (1→3) 4; lag 3: (0→3) 9+4, (1→4) 25; lag 4: (0→4) 36+4; lag 5: none.
        Assert.Equal([2L, 1L, 2L, 1L, 0L], msd.Pairs.ToArray());
        Assert.Equal(7.0, msd.At(1), 12);
        Assert.Equal(4.0, msd.At(2), 12);
        Assert.Equal(19.0, msd.At(3), 12);
        Assert.Equal(40.0, msd.At(4), 12);
        Assert.True(double.IsNaN(msd.At(5)));
        Assert.Equal(1.5, msd.LagTime(3));
    }

    [Fact]
    public void OneDimensionUsesXOnly()
    {
        var track = new Track(1, [0, 1, 3, 4], [0, 1000, 3000, 6000], [0, 2000, 2000, 2000]);
        Assert.Equal(5.0, Msd.ForTrack(track, 4, 1, dimension: 1).At(1), 12);
    }

    [Fact]
    public void EnsembleWeightsEachTrackByItsPairCount()
    {
        var a = new Track(1, [0, 1, 2, 3], [0, 1000, 3000, 6000], [0, 0, 0, 0]);
        var b = new Track(2, [10, 11], [0, 4000], [0, 0]);
        var ensemble = Msd.Ensemble([Msd.ForTrack(a, 3, 1), Msd.ForTrack(b, 3, 1)]);

        // Lag 1: a has squares 1, 4, 9 (mean 14/3, 3 pairs), b has 16 (1 pair): (14 + 16) / 4, not (14/3 + 16) / 2.
        Assert.Equal(7.5, ensemble.At(1), 12);
        Assert.Equal([4L, 2L, 1L], ensemble.Pairs.ToArray());
        Assert.Equal([2, 1, 1], ensemble.Tracks.ToArray());
        Assert.Equal((9.0 + 25.0) / 2, ensemble.At(2), 12);
        Assert.Equal(36.0, ensemble.At(3), 12);
    }

    [Fact]
    public void BrownianEnsembleMsdIsFourDt()
    {
        const double D = 0.2, Dt = 0.03;
        var tracks = SimulatedTracks.Brownian(11, 300, 60, D, Dt);
        var ensemble = Msd.Ensemble([.. tracks.Select(t => Msd.ForTrack(t, 10, Dt))]);
        for (var lag = 1; lag <= 10; lag++)
        {
            Assert.InRange(ensemble.At(lag) / (4 * D * lag * Dt), 0.96, 1.04);
        }
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        var track = new Track(1, [0, 1], [0, 1], [0, 1]);
        Assert.Equal("maxLag", Assert.Throws<ArgumentOutOfRangeException>(() => Msd.ForTrack(track, 0, 1)).ParamName);
        Assert.Equal("frameIntervalS", Assert.Throws<ArgumentOutOfRangeException>(() => Msd.ForTrack(track, 3, double.NaN)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => Msd.ForTrack(track, 3, 1, 4)).ParamName);
        Assert.Contains("finite z", Assert.Throws<ArgumentException>(() => Msd.ForTrack(track, 3, 1, 3)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Msd.Ensemble([]));
        Assert.Throws<ArgumentException>(() => Msd.Ensemble([Msd.ForTrack(track, 3, 1), Msd.ForTrack(track, 4, 1)]));
        Assert.Throws<ArgumentException>(() => new Track(1, [0, 0], [0, 1], [0, 1]));
        Assert.Throws<ArgumentException>(() => new Track(1, [0, 1], [0, double.NaN], [0, 1]));
    }

    [Fact]
    public void SinglePointTrackHasAnEmptyCurve()
    {
        var msd = Msd.ForTrack(new Track(1, [5], [0], [0]), 3, 1);
        Assert.Equal([0L, 0L, 0L], msd.Pairs.ToArray());
        Assert.True(double.IsNaN(msd.At(1)));
    }
}
