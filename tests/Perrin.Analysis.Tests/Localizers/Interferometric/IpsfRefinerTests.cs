using System.Numerics;
using Perrin.Analysis.Localizers.Interferometric;
using Perrin.Analysis.Localizers.Refinement;
using Perrin.Core.Randomness;
using Perrin.Core.Tables;
using Xunit;

namespace Perrin.Analysis.Tests.Localizers.Interferometric;

public sealed class IpsfRefinerTests
{
    private const double Px = 23;
    private const int Size = 64;
    private static readonly ChirpedGaussianField Model = new();

    private static Localization At(double x, double y) => new(0, (x + 0.5) * Px, (y + 0.5) * Px);

    private static (double X, double Y) Pixels(Localization l) => ((l.X / Px) - 0.5, (l.Y / Px) - 0.5);

    [Fact]
    public void ALoneScattererIsFoundWhereItIs()
    {
        var frame = IscatFrames.Draw(Model, Size, 1e5, (30.3, 33.7, 120.0, Complex.FromPolarCoordinates(0.03, 1.1)));
        var refiner = new IpsfRefiner(Model, new IpsfRefinementParameters());

        var result = refiner.Refine(frame, Size, Size, [At(31.2, 33.0)], Px, 0);

        var row = Assert.Single(result.Detections);
        Assert.Equal(RefinementOutcome.Refined, row.Outcome);
        var (x, y) = Pixels(row.Localization);
        Assert.Equal(30.3, x, 0.01);
        Assert.Equal(33.7, y, 0.01);
        Assert.Empty(result.Added);
    }

    [Fact]
    public void OverlappingNeighboursAreFittedJointly()
    {
        // 6 px apart, the two fields overlap strongly: a fit of either that ignored the other is pulled towards it.
        // Both depths lie beyond the model's nearest (−200 nm) mirrored about the focal plane: a shallow depth is nearly
        // as good mirrored (F(−d) = F(d)*), the two differing only in the small cross term of the fields.
        (double X, double Y, double DepthNm, Complex Amplitude)[] truth =
            [(28.0, 30.0, 240.0, Complex.FromPolarCoordinates(0.04, 0.3)), (34.0, 30.5, 280.0, Complex.FromPolarCoordinates(0.03, 2.5))];
        var frame = IscatFrames.Draw(Model, Size, 1e5, truth);
        var refiner = new IpsfRefiner(Model, new IpsfRefinementParameters());

        var joint = refiner.Refine(frame, Size, Size, [At(28.6, 29.6), At(33.5, 31.0)], Px, 0);
        var alone = refiner.Refine(frame, Size, Size, [At(28.6, 29.6)], Px, 0);

        for (var k = 0; k < truth.Length; k++)
        {
            Assert.Equal(RefinementOutcome.Refined, joint.Detections[k].Outcome);
            var (x, y) = Pixels(joint.Detections[k].Localization);
            Assert.True(Math.Abs(truth[k].X - x) < 0.02 && Math.Abs(truth[k].Y - y) < 0.02, $"scatterer {k} at ({x}, {y}), truth ({truth[k].X}, {truth[k].Y})");
        }

        var (ax, ay) = Pixels(alone.Detections[0].Localization);
        Assert.True(Math.Sqrt(((ax - truth[0].X) * (ax - truth[0].X)) + ((ay - truth[0].Y) * (ay - truth[0].Y))) > 0.3, $"a lone fit landed at ({ax}, {ay})");
    }

    [Fact]
    public void ShotNoiseLeavesTheFitUnbiasedAndPrecise()
    {
        var errors = new List<(double X, double Y)>();
        var refiner = new IpsfRefiner(Model, new IpsfRefinementParameters());
        for (var f = 0; f < 20; f++)
        {
            var (tx, ty) = (30 + (0.37 * f % 1), 31 + (0.61 * f % 1));
            var frame = IscatFrames.Draw(Model, Size, 5e4, new RandomStream(7, (ulong)f), (tx, ty, 80.0, Complex.FromPolarCoordinates(0.03, 0.5 * f)));
            var (x, y) = Pixels(refiner.Refine(frame, Size, Size, [At(tx + 0.5, ty - 0.4)], Px, 0).Detections[0].Localization);
            errors.Add((x - tx, y - ty));
        }

        // Relative noise s = 1/√(5·10⁴) = 0.0045 against a peak A = 2·0.03 of width w = 2.5 px: with the position alone
        // unknown the Fisher information gives s/(A·√(π/2)) = 0.06 px per axis; amplitude, phase, depth and offset
        // unknown as well widen it. Started 0.64 px off, a fit that did not move would miss the range.
        var rms = Math.Sqrt(errors.Average(e => (e.X * e.X) + (e.Y * e.Y)));
        Assert.InRange(rms, 0.05, 0.3);
        Assert.InRange(errors.Average(e => e.X), -0.1, 0.1);
        Assert.InRange(errors.Average(e => e.Y), -0.1, 0.1);
    }

    [Fact]
    public void TheResidualSearchAddsAScattererTheDetectorMissed()
    {
        var frame = IscatFrames.Draw(Model, Size, 1e5, new RandomStream(3, 0),
            (20.0, 22.0, 0.0, Complex.FromPolarCoordinates(0.04, 0.0)), (41.3, 40.6, 150.0, Complex.FromPolarCoordinates(0.03, 2.0)));
        var detections = new[] { At(20.4, 22.3) };

        var without = new IpsfRefiner(Model, new IpsfRefinementParameters()).Refine(frame, Size, Size, detections, Px, 4);
        var with = new IpsfRefiner(Model, new IpsfRefinementParameters { SearchRounds = 1 }).Refine(frame, Size, Size, detections, Px, 4);

        Assert.Empty(without.Added);
        var added = Assert.Single(with.Added);
        Assert.Equal(4, added.Frame);
        var (x, y) = Pixels(added);
        Assert.Equal(41.3, x, 0.3);
        Assert.Equal(40.6, y, 0.3);
    }

    /// <summary>
    /// Two scatterers 6 px apart (the test field's spot is 2.5 px wide) detected as one between them: the split keeps
    /// a pair that explains the window far better, the first in the detection's place and the second added, each on
    /// its scatterer. Without splits, or with a lone scatterer, nothing is added.
    /// </summary>
    [Fact]
    public void ADetectionBetweenTwoScatterersIsSplitIntoThem()
    {
        (double X, double Y, double DepthNm, Complex Amplitude)[] truth =
            [(28.0, 30.0, 100.0, Complex.FromPolarCoordinates(0.03, 0.4)), (34.0, 31.0, 150.0, Complex.FromPolarCoordinates(0.03, 2.0))];
        var frame = IscatFrames.Draw(Model, Size, 1e5, new RandomStream(5, 0), truth);
        var split = new IpsfRefinementParameters { SplitThreshold = 300, MinSplitSeparationPx = 4 };
        Localization[] detections = [At(31.0, 30.5)];

        var without = new IpsfRefiner(Model, new IpsfRefinementParameters()).Refine(frame, Size, Size, detections, Px, 2);
        var with = new IpsfRefiner(Model, split).Refine(frame, Size, Size, detections, Px, 2);

        Assert.Empty(without.Added);
        Assert.Equal(RefinementOutcome.Refined, with.Detections[0].Outcome);
        var found = new[] { Pixels(with.Detections[0].Localization), Pixels(Assert.Single(with.Added)) };
        Assert.Equal(2, with.Added[0].Frame);
        foreach (var t in truth)
        {
            Assert.Contains(found, f => Math.Sqrt(((f.X - t.X) * (f.X - t.X)) + ((f.Y - t.Y) * (f.Y - t.Y))) < 0.3);
        }

        var lone = IscatFrames.Draw(Model, Size, 1e5, new RandomStream(6, 0), truth[0]);
        Assert.Empty(new IpsfRefiner(Model, split).Refine(lone, Size, Size, [At(28.4, 30.2)], Px, 2).Added);
    }

    /// <summary>
    /// A detection 3.5 px from its scatterer (the test field's spot is 2.5 px wide), held within 2 px of where it
    /// started, fits the spot's faint, chirped tail with an amplitude of order one. Such a runaway is not placed in the model, where its field would pull
    /// every neighbour's fit, pass after pass: it keeps the detection as not converged.
    /// </summary>
    [Fact]
    public void ARunawayFitIsNotPlacedAndKeepsItsDetection()
    {
        var frame = IscatFrames.Draw(Model, Size, 1e5, (30.0, 30.0, 0.0, new Complex(0.04, 0)));
        var detection = At(33.5, 30.0);

        var row = new IpsfRefiner(Model, new IpsfRefinementParameters { MaxShiftPx = 2 }).Refine(frame, Size, Size, [detection], Px, 0).Detections[0];

        Assert.Equal(RefinementOutcome.NotConverged, row.Outcome);
        Assert.Equal(detection, row.Localization);
    }

    [Fact]
    public void AFitHeldAtTheLargestShiftKeepsTheDetection()
    {
        var frame = IscatFrames.Draw(Model, Size, 1e5, (30.0, 30.0, 0.0, new Complex(0.04, 0)));
        var detection = At(33.0, 30.0);

        var row = new IpsfRefiner(Model, new IpsfRefinementParameters { MaxShiftPx = 2 }).Refine(frame, Size, Size, [detection], Px, 0).Detections[0];

        Assert.Equal(RefinementOutcome.Moved, row.Outcome);
        Assert.Equal(detection, row.Localization);
    }

    [Fact]
    public void FramesItCannotFitKeepTheDetections()
    {
        var frame = IscatFrames.Draw(Model, Size, 1e5, (30.0, 30.0, 0.0, new Complex(0.04, 0)));
        frame[100] = float.NaN;
        var refiner = new IpsfRefiner(Model, new IpsfRefinementParameters());
        Localization[] detections = [At(30.2, 30.1), At(-20, 10)];

        var result = refiner.Refine(frame, Size, Size, detections, Px, 0);

        Assert.All(result.Detections, r => Assert.Equal(RefinementOutcome.Unfittable, r.Outcome));
        Assert.Equal(detections, result.Detections.Select(r => r.Localization));
        var outside = refiner.Refine(IscatFrames.Draw(Model, Size, 1e5), Size, Size, [At(-20, 10)], Px, 0);
        Assert.Equal(RefinementOutcome.Unfittable, outside.Detections[0].Outcome);
    }

    [Fact]
    public void BadArgumentsNameWhatIsWrong()
    {
        var refiner = new IpsfRefiner(Model, new IpsfRefinementParameters());
        var e = Assert.Throws<ArgumentException>(() => refiner.Refine(new float[10], 4, 4, [], Px, 0));
        Assert.Contains("4 × 4", e.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(IpsfRefinementParameters.WindowRadiusPx),
            Assert.Throws<ArgumentException>(() => new IpsfRefiner(Model, new IpsfRefinementParameters { WindowRadiusPx = 2 })).ParamName);
        Assert.Equal(nameof(IpsfRefinementParameters.ModelRadiusPx),
            Assert.Throws<ArgumentException>(() => new IpsfRefiner(Model, new IpsfRefinementParameters { ModelRadiusPx = 10 })).ParamName);
        Assert.Equal(nameof(IpsfRefinementParameters.SettlingPasses),
            Assert.Throws<ArgumentException>(() => new IpsfRefiner(Model, new IpsfRefinementParameters { Passes = 2, SettlingPasses = 2 })).ParamName);
        Assert.Equal(nameof(IpsfRefinementParameters.SearchThreshold),
            Assert.Throws<ArgumentException>(() => new IpsfRefiner(Model, new IpsfRefinementParameters { SearchThreshold = double.NaN })).ParamName);
        Assert.Equal(nameof(IpsfRefinementParameters.SplitThreshold),
            Assert.Throws<ArgumentException>(() => new IpsfRefiner(Model, new IpsfRefinementParameters { SplitThreshold = -1 })).ParamName);
        Assert.Equal(nameof(IpsfRefinementParameters.MinSplitSeparationPx),
            Assert.Throws<ArgumentException>(() => new IpsfRefiner(Model, new IpsfRefinementParameters { MinSplitSeparationPx = double.NaN })).ParamName);
    }
}
