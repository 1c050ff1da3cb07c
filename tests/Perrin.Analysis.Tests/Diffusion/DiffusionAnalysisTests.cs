using Perrin.Analysis.Diffusion;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Tests.Diffusion;

public sealed class DiffusionAnalysisTests
{
    private static IEnumerable<Localization> Rows(IEnumerable<Track> tracks, long particleOffset = 0)
    {
        foreach (var track in tracks)
        {
            for (var i = 0; i < track.Count; i++)
            {
                yield return new Localization(track.Frames[i], track.X[i], track.Y[i]) { Particle = track.Particle + particleOffset };
            }
        }
    }

    [Theory]
    [InlineData(DiffusionEstimator.Ols)]
    [InlineData(DiffusionEstimator.Michalet)]
    [InlineData(DiffusionEstimator.Cve)]
    public void RecoversDAndCountsWhatItSkips(DiffusionEstimator estimator)
    {
        var good = SimulatedTracks.Brownian(9, 200, 50, 0.1, 0.05, sigmaNm: 30, substeps: 10);
        var shortOnes = SimulatedTracks.Brownian(10, 3, 5, 0.1, 0.05);
        var singles = SimulatedTracks.Brownian(11, 4, 1, 0.1, 0.05);
        var rows = Rows(good).Concat(Rows(shortOnes, 1000)).Concat(Rows(singles, 2000))
            .Append(new Localization(3, 10, 10))
            .Reverse();

        var report = DiffusionAnalysis.Run(rows, new DiffusionOptions(0.05, MaxLag: 20, Estimator: estimator));

        Assert.Equal(200, report.Tracks.Count);
        Assert.Equal((4, 3, 1), (report.SkippedSinglePoint, report.SkippedShort, report.RowsWithoutParticle));
        Assert.InRange(report.EnsembleFit.D / 0.1, 0.95, 1.05);
        Assert.InRange(report.EnsembleDStdErr, 0.001, 0.02);
        Assert.InRange(report.EnsembleAlpha.Alpha, 0.9, 1.1);
        Assert.Equal(estimator, report.EnsembleFit.Estimator);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), report.Tracks.Select(t => t.Particle));
        Assert.All(report.Tracks, t => Assert.Equal((50, 0, 49), (t.Points, t.FirstFrame, t.LastFrame)));
        Assert.Equal(49L * 200, report.Ensemble.Pairs[0]);
        Assert.InRange(report.MedianD / 0.1, 0.85, 1.15);
    }

    [Fact]
    public void DriftOptionSubtractsTheEnsembleDrift()
    {
        var tracks = SimulatedTracks.Brownian(12, 200, 60, 0.1, 0.05, driftXNm: 120);
        var plain = DiffusionAnalysis.Run(Rows(tracks), new DiffusionOptions(0.05, MaxLag: 10));
        var corrected = DiffusionAnalysis.Run(Rows(tracks), new DiffusionOptions(0.05, MaxLag: 10, SubtractDrift: true));
        Assert.True(plain.EnsembleFit.D > 1.5 * 0.1);
        Assert.InRange(corrected.EnsembleFit.D / 0.1, 0.95, 1.05);
        Assert.NotNull(corrected.Drift);
        Assert.Null(plain.Drift);
    }

    [Fact]
    public void BadInputGetsAClearMessage()
    {
        var two = new[] { new Localization(0, 0, 0) { Particle = 1 }, new Localization(1, 5, 5) { Particle = 1 } };
        var noneLongEnough = Assert.Throws<ArgumentException>(() => DiffusionAnalysis.Run(two, new DiffusionOptions(0.1)));
        Assert.Contains("at least 10 points", noneLongEnough.Message, StringComparison.Ordinal);

        var duplicate = two.Append(new Localization(1, 6, 6) { Particle = 1 });
        Assert.Contains("two rows in frame 1", Assert.Throws<ArgumentException>(() => DiffusionAnalysis.Run(duplicate, new DiffusionOptions(0.1, MinLength: 2))).Message, StringComparison.Ordinal);

        Assert.Equal("MinLength", Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionAnalysis.Run(two, new DiffusionOptions(0.1, MinLength: 1))).ParamName);
        Assert.Equal("FitLags", Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionAnalysis.Run(two, new DiffusionOptions(0.1, MaxLag: 3))).ParamName);
        Assert.Equal("frameIntervalS", Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionAnalysis.Run(two, new DiffusionOptions(-1))).ParamName);

        // Two-point tracks are analysable: D from one lag is undetermined (NaN), not an exception.
        var report = DiffusionAnalysis.Run(two, new DiffusionOptions(0.1, MinLength: 2, MaxLag: 4, AlphaLags: 2, FitLags: 2));
        Assert.True(double.IsNaN(report.Tracks[0].Fit.D));
        Assert.True(double.IsNaN(report.MedianD));
    }
}
