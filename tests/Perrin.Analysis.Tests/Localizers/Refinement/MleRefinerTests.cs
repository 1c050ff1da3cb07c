using Perrin.Analysis.Localizers;
using Perrin.Analysis.Localizers.Refinement;
using Perrin.Analysis.Tests.Localizers;
using Perrin.Core.Randomness;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Tests.Localizers.Refinement;

public sealed class MleRefinerTests
{
    private const double Px = LocalizationErrors.PixelNm;

    [Theory]
    [InlineData(10.0, 10.0, 0.4, -0.3)]
    [InlineData(10.3, 9.62, -0.6, 0.5)]
    [InlineData(1.2, 18.7, 0.3, 0.3)]
    public void NoiselessSpotIsRecoveredFromAnOffStart(double x, double y, double dx, double dy)
    {
        var frame = NoiselessSpot.Render(21, x, y, 2000, 7, 1.4);
        var detection = At(4, x + dx, y + dy, 1200) with { Z = 35 };
        var refined = Assert.Single(new MleRefiner(new MleRefinementParameters { SigmaPx = 1.3 }).Refine(frame, 21, 21, [detection], Px));
        Assert.Equal(RefinementOutcome.Refined, refined.Outcome);
        var l = refined.Localization;
        Assert.Equal(4, l.Frame);
        Assert.Equal((x + 0.5) * Px, l.X, 1e-3);
        Assert.Equal((y + 0.5) * Px, l.Y, 1e-3);
        Assert.Equal(2000, l.Intensity, 1e-2);
        Assert.Equal(7, l.Offset, 1e-4);
        Assert.Equal(1.4 * Px, l.Sigma, 1e-3);
        Assert.Equal(35, l.Z);
        Assert.True(l.Uncertainty > 0);
    }

    /// <summary>
    /// Detections 0.25 px rms off the truth (a network's error) on Poisson frames: the refined positions are about as
    /// good as a Gaussian MLE gets (the bound is 0.045 px here), several times better than the detections. A few fits
    /// may fail the deviance test by chance and keep the detection.
    /// </summary>
    [Fact]
    public void RefinementBringsNoisyDetectionsCloseToTheBound()
    {
        var spots = new SimulatedSpots(6, 4, 1500, 10, 1.3, 41);
        var refiner = new MleRefiner(new MleRefinementParameters { SigmaPx = 1.3 });
        var random = new RandomStream(7, 0);
        double before = 0, after = 0;
        var (n, kept) = (0, 0);
        for (var f = 0; f < spots.Frames.Count; f++)
        {
            var truth = spots.Truth[f];
            var detections = truth.Select(t => At(f, t.X + random.Normal(0, 0.25), t.Y + random.Normal(0, 0.25), 1000)).ToList();
            var refined = refiner.Refine(spots.Frames[f].Pixels, spots.Side, spots.Side, detections, Px);
            for (var i = 0; i < truth.Count; i++)
            {
                kept += refined[i].Outcome == RefinementOutcome.Refined ? 0 : 1;
                before += SquaredError(detections[i], truth[i]);
                after += SquaredError(refined[i].Localization, truth[i]);
                n++;
            }
        }

        var (rmseBefore, rmseAfter) = (Math.Sqrt(before / (2 * n)), Math.Sqrt(after / (2 * n)));
        Assert.InRange(rmseBefore, 0.2, 0.3);
        Assert.InRange(kept, 0, n / 50);
        Assert.InRange(rmseAfter, 0.03, 0.07);
    }

    [Fact]
    public void AnotherDetectionTooCloseKeepsBothPositions()
    {
        var frame = Add(NoiselessSpot.Render(24, 10, 11, 3000, 5, 1.2), NoiselessSpot.Render(24, 11.3, 11, 3000, 0, 1.2));
        var detections = new[] { At(0, 10.2, 11.1, 3000), At(0, 11.4, 10.8, 3000) };
        var refined = new MleRefiner(new MleRefinementParameters { SigmaPx = 1.2 }).Refine(frame, 24, 24, detections, Px);
        Assert.Equal([RefinementOutcome.Crowded, RefinementOutcome.Crowded], refined.Select(r => r.Outcome));
        Assert.Equal(detections, refined.Select(r => r.Localization));
    }

    [Fact]
    public void ANeighboursLightIsModelledNotFitted()
    {
        var frame = Add(NoiselessSpot.Render(24, 9.2, 11.4, 3000, 5, 1.2), NoiselessSpot.Render(24, 12.6, 11.9, 1500, 0, 1.2));
        var detections = new[] { At(0, 9.5, 11.2, 2000), At(0, 12.3, 12.1, 2500) };
        var refined = new MleRefiner(new MleRefinementParameters { SigmaPx = 1.2 }).Refine(frame, 24, 24, detections, Px);
        Assert.All(refined, r => Assert.Equal(RefinementOutcome.Refined, r.Outcome));
        Assert.Equal(9.7 * Px, refined[0].Localization.X, 2.0);
        Assert.Equal(11.9 * Px, refined[0].Localization.Y, 2.0);
        Assert.Equal(13.1 * Px, refined[1].Localization.X, 2.0);
        Assert.Equal(12.4 * Px, refined[1].Localization.Y, 2.0);
    }

    [Fact]
    public void ANeighbourWithoutPhotonsKeepsThePosition()
    {
        var frame = Add(NoiselessSpot.Render(24, 9.2, 11.4, 3000, 5, 1.2), NoiselessSpot.Render(24, 12.6, 11.9, 1500, 0, 1.2));
        var detections = new[] { At(0, 9.5, 11.2, double.NaN), At(0, 12.3, 12.1, double.NaN) };
        var refined = new MleRefiner(new MleRefinementParameters { SigmaPx = 1.2 }).Refine(frame, 24, 24, detections, Px);
        Assert.Equal([RefinementOutcome.Crowded, RefinementOutcome.Crowded], refined.Select(r => r.Outcome));
        Assert.Equal(detections, refined.Select(r => r.Localization));
    }

    [Fact]
    public void ANeighbourTheFitCannotModelKeepsThePosition()
    {
        var frame = Add(NoiselessSpot.Render(24, 8, 12, 3000, 5, 1.2), NoiselessSpot.Render(24, 11.5, 12, 20000, 0, 3.0));
        var detections = new[] { At(0, 8.2, 12.1, 3000), At(0, 11.5, 12, 20000) };
        var refined = new MleRefiner(new MleRefinementParameters { SigmaPx = 1.2 }).Refine(frame, 24, 24, detections, Px);
        Assert.NotEqual(RefinementOutcome.Refined, refined[1].Outcome);
        Assert.Equal(new RefinedLocalization(detections[0], RefinementOutcome.Crowded), refined[0]);
    }

    [Fact]
    public void ADetectionOnBackgroundAloneKeepsItsPosition()
    {
        var random = new RandomStream(3, 0);
        var frame = new float[24 * 24];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = random.Poisson(20);
        }

        var detection = At(2, 11.3, 12.6, 800);
        var refined = Assert.Single(new MleRefiner(new MleRefinementParameters { SigmaPx = 1.2 }).Refine(frame, 24, 24, [detection], Px));
        Assert.NotEqual(RefinementOutcome.Refined, refined.Outcome);
        Assert.Equal(detection, refined.Localization);
    }

    [Fact]
    public void TheCameraModelConvertsCountsToPhotons()
    {
        var camera = new CameraModel { BaselineAdu = 100, ElectronsPerAdu = 45, EmGain = 300, QuantumEfficiency = 0.9 };
        var photons = NoiselessSpot.Render(21, 10.2, 9.7, 2000, 30, 1.0);
        var counts = photons.Select(p => (float)((p * 0.9 * 300 / 45) + 100)).ToArray();
        var refined = Assert.Single(new MleRefiner(new MleRefinementParameters { Camera = camera }).Refine(counts, 21, 21, [At(0, 10, 10, 1500)], Px));
        Assert.Equal(RefinementOutcome.Refined, refined.Outcome);
        Assert.Equal(10.7 * Px, refined.Localization.X, 1e-2);
        Assert.Equal(10.2 * Px, refined.Localization.Y, 1e-2);
        Assert.Equal(2000, refined.Localization.Intensity, 0.5);
        Assert.Equal(30, refined.Localization.Offset, 1e-2);
    }

    [Fact]
    public void AFrameSmallerThanTheWindowIsUnfittable()
    {
        var detection = At(0, 2, 2, 1000);
        var refined = Assert.Single(new MleRefiner(new MleRefinementParameters()).Refine(new float[25], 5, 5, [detection], Px));
        Assert.Equal(new RefinedLocalization(detection, RefinementOutcome.Unfittable), refined);
    }

    [Theory]
    [InlineData(nameof(MleRefinementParameters.SigmaPx))]
    [InlineData(nameof(MleRefinementParameters.RoiRadiusPx))]
    [InlineData(nameof(MleRefinementParameters.MaxShiftPx))]
    [InlineData(nameof(MleRefinementParameters.SigmaTolerance))]
    [InlineData(nameof(MleRefinementParameters.MinSeparationPx))]
    [InlineData(nameof(MleRefinementParameters.MaxDevianceRatio))]
    [InlineData(nameof(CameraModel.QuantumEfficiency))]
    public void BadParametersAreRefusedByName(string name)
    {
        var parameters = name switch
        {
            nameof(MleRefinementParameters.SigmaPx) => new MleRefinementParameters { SigmaPx = double.NaN },
            nameof(MleRefinementParameters.RoiRadiusPx) => new MleRefinementParameters { RoiRadiusPx = 0 },
            nameof(MleRefinementParameters.MaxShiftPx) => new MleRefinementParameters { MaxShiftPx = 0 },
            nameof(MleRefinementParameters.SigmaTolerance) => new MleRefinementParameters { SigmaTolerance = 0.5 },
            nameof(MleRefinementParameters.MinSeparationPx) => new MleRefinementParameters { MinSeparationPx = -1 },
            nameof(MleRefinementParameters.MaxDevianceRatio) => new MleRefinementParameters { MaxDevianceRatio = 0 },
            _ => new MleRefinementParameters { Camera = new CameraModel { QuantumEfficiency = 1.5 } },
        };
        var error = Assert.ThrowsAny<ArgumentException>(() => new MleRefiner(parameters));
        Assert.Equal(name, error.ParamName);
    }

    private static Localization At(int frame, double xPx, double yPx, double photons) =>
        new(frame, (xPx + 0.5) * Px, (yPx + 0.5) * Px) { Intensity = photons };

    private static double SquaredError(Localization l, (double X, double Y) truth)
    {
        var dx = (l.X / Px) - 0.5 - truth.X;
        var dy = (l.Y / Px) - 0.5 - truth.Y;
        return (dx * dx) + (dy * dy);
    }

    private static float[] Add(float[] a, float[] b) => [.. a.Zip(b, (p, q) => p + q)];
}
