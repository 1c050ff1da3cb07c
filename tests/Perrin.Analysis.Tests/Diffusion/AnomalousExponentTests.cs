using Perrin.Analysis.Diffusion;
using Perrin.Core.Randomness;

namespace Perrin.Analysis.Tests.Diffusion;

/// <summary>
/// α from the ensemble MSD: 1 for Brownian motion; 2H for fractional Brownian motion with Hurst exponent H (sub- and
/// superdiffusive, exact power laws); and for Brownian motion plus a constant velocity, MSD = 4Dt + v²t², whose
/// local exponent tends to 2 at long lags.
/// </summary>
public sealed class AnomalousExponentTests
{
    private static MsdCurve Ensemble(IEnumerable<Track> tracks, int maxLag, double dt = 0.1) =>
        Msd.Ensemble([.. tracks.Select(t => Msd.ForTrack(t, maxLag, dt))]);

    [Fact]
    public void BrownianMotionHasAlphaOne()
    {
        var fit = PowerLawFit.Fit(Ensemble(SimulatedTracks.Brownian(6, 300, 100, 0.5, 0.1), 10), 1, 10);
        Assert.InRange(fit.Alpha, 0.97, 1.03);
        Assert.InRange(fit.K / 0.5, 0.95, 1.05);
    }

    [Theory]
    [InlineData(0.75)]
    [InlineData(0.3)]
    public void FractionalBrownianMotionHasAlphaTwiceHurst(double hurst)
    {
        var fit = PowerLawFit.Fit(Ensemble(SimulatedTracks.Fractional(7, 300, 64, hurst, 100), 10), 1, 10);
        Assert.InRange(fit.Alpha, (2 * hurst) - 0.05, (2 * hurst) + 0.05);
    }

    [Fact]
    public void DirectedMotionTendsToAlphaTwoAtLongLags()
    {
        // v = 100 nm/frame along a random direction per track, D·Δt = 0.0025 µm² (50 nm steps per coordinate):
        // at lag n, MSD = 0.01·n + 0.01·n² µm², whose local exponent is 1 + n/(1 + n).
        var rng = new RandomStream(8, 3);
        var tracks = SimulatedTracks.Brownian(8, 200, 200, 0.025, 0.1).Select(t =>
        {
            var angle = rng.Uniform(0, 2 * Math.PI);
            var x = t.X.ToArray();
            var y = t.Y.ToArray();
            for (var i = 0; i < x.Length; i++)
            {
                x[i] += 100 * i * Math.Cos(angle);
                y[i] += 100 * i * Math.Sin(angle);
            }

            return new Track(t.Particle, t.Frames, x, y);
        });
        var msd = Ensemble(tracks, 100);
        var shortLags = PowerLawFit.Fit(msd, 1, 3);
        var longLags = PowerLawFit.Fit(msd, 50, 100);
        Assert.InRange(shortLags.Alpha, 1.4, 1.8);
        Assert.InRange(longLags.Alpha, 1.95, 2.01);
    }
}
