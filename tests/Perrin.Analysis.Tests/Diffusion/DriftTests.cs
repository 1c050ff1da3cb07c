using Perrin.Analysis.Diffusion;

namespace Perrin.Analysis.Tests.Diffusion;

public sealed class DriftTests
{
    [Fact]
    public void DriftIsTheCumulatedMeanStepOfParticlesSeenInConsecutiveFrames()
    {
        // Frame 1: steps (+10, 0) and (+30, +4) → mean (20, 2). Frame 2: only particle 1 → (−5, 1).
        // Frame 4: particle 2 jumps from frame 1 to 3 (not consecutive); frame 3→4 step (6, −6) counts.
        var a = new Track(1, [0, 1, 2], [0, 10, 5], [0, 0, 1]);
        var b = new Track(2, [0, 1, 3, 4], [100, 130, 200, 206], [0, 4, 4, -2]);
        var drift = DriftEstimator.Compute([a, b]);

        Assert.Equal([1, 2, 4], drift.Frames.ToArray());
        Assert.Equal([20.0, 15.0, 21.0], drift.X.ToArray());
        Assert.Equal([2.0, 3.0, -3.0], drift.Y.ToArray());
        Assert.Equal((0.0, 0.0), drift.At(0));
        Assert.Equal((15.0, 3.0), drift.At(3));
        Assert.Equal((21.0, -3.0), drift.At(99));

        var corrected = drift.Subtract([b]);
        Assert.Equal([100.0, 110.0, 185.0, 185.0], corrected[0].X.ToArray());
        Assert.Equal([0.0, 2.0, 1.0, 1.0], corrected[0].Y.ToArray());
    }

    [Fact]
    public void SmoothingIsATrailingMeanOverFramesWithSteps()
    {
        // Steps 0, 6, 0, 6 (x, one particle); window 2: 0, 3, 3, 3 → cumulative 0, 3, 6, 9.
        var track = new Track(1, [0, 1, 2, 3, 4], [0, 0, 6, 6, 12], [0, 0, 0, 0, 0]);
        var drift = DriftEstimator.Compute([track], smoothing: 2);
        Assert.Equal([0.0, 3.0, 6.0, 9.0], drift.X.ToArray());
        Assert.Equal([0.0, 6.0, 6.0, 12.0], DriftEstimator.Compute([track], smoothing: 1).X.ToArray());
    }

    [Fact]
    public void SubtractingAConstantDriftRecoversD()
    {
        // 150 nm/frame in x and −80 nm/frame in y against a 100 nm rms Brownian step.
        const double D = 0.1, Dt = 0.05;
        var tracks = SimulatedTracks.Brownian(5, 300, 80, D, Dt, driftXNm: 150, driftYNm: -80);

        var drifting = MsdLineFit.Fit(Msd.Ensemble([.. tracks.Select(t => Msd.ForTrack(t, 10, Dt))]), 4, 0);
        Assert.True(drifting.D > 1.5 * D, $"drift should inflate D, got {drifting.D}");

        var drift = DriftEstimator.Compute(tracks);
        var (x, y) = drift.At(79);
        Assert.InRange(x / 79, 145, 155);
        Assert.InRange(y / 79, -85, -75);

        var corrected = drift.Subtract(tracks);
        var fit = MsdLineFit.Fit(Msd.Ensemble([.. corrected.Select(t => Msd.ForTrack(t, 10, Dt))]), 4, 0);
        Assert.InRange(fit.D / D, 0.95, 1.05);
        Assert.InRange(CovarianceEstimator.Estimate(corrected, Dt, blur: 0).D / D, 0.95, 1.05);
    }
}
