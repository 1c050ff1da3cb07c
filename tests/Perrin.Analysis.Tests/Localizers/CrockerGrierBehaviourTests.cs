using Perrin.Analysis.Localizers;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Localizers;

/// <summary>Separation, filters, percentile, inversion and edges, each on a case small enough to reason out by hand.</summary>
public class CrockerGrierBehaviourTests
{
    [Fact]
    public void SeparationSuppressesTheWeakerOfTwoCloseMaxima()
    {
        var frame = TrackpyDrawing.Filled(40, 41, 0);
        TrackpyDrawing.AddGaussian(frame, 20, 17, 1.2, 100);
        TrackpyDrawing.AddGaussian(frame, 20, 23, 1.2, 60);

        var merged = Locate(frame, new CrockerGrierParameters(7) { Preprocess = false }, PixelType.UInt16);
        var f = Assert.Single(merged);
        Assert.Equal(17, f.X, 0.2);

        var apart = Locate(frame, new CrockerGrierParameters(7) { Preprocess = false, Separation = 5 }, PixelType.UInt16);
        Assert.Equal(2, apart.Count);
    }

    [Fact]
    public void CloseMaximaThatBothSurviveTheDilationAreResolvedByMass()
    {
        // 7 px apart with sigma 1: each is the maximum of its 11-px box, but the refined centres are closer than the
        // separation of 8, so the pass after refinement drops the one of smaller mass, wherever it lies.
        foreach (var (bright, dim) in new[] { (16.0, 23.0), (23.0, 16.0) })
        {
            var frame = TrackpyDrawing.Filled(40, 41, 0);
            TrackpyDrawing.AddGaussian(frame, 20, bright, 1.0, 100);
            TrackpyDrawing.AddGaussian(frame, 20, dim, 1.0, 60);
            var f = Assert.Single(Locate(frame, new CrockerGrierParameters(7) { Preprocess = false }, PixelType.UInt16));
            Assert.Equal(bright, f.X, 0.05);
        }
    }

    [Fact]
    public void EqualMassesKeepTheFeatureFarthestFromTheTopLeft()
    {
        // trackpy's test_flat_peak tie case: two identical bars; the one with the larger y/s + x/s stays.
        var frame = TrackpyDrawing.Filled(21, 23, 1);
        foreach (var (y, x) in new[] { (11, 12), (11, 13), (11, 14), (14, 13), (14, 14), (14, 15) })
        {
            frame[y, x] = 100;
        }

        var f = Assert.Single(Locate(frame, new CrockerGrierParameters(5) { Preprocess = false }, PixelType.UInt8));
        Assert.Equal(14, f.X, 0.1);
        Assert.Equal(14, f.Y, 0.1);
    }

    [Fact]
    public void FlatPeakOfTiedPixelsGivesOneFeature()
    {
        // trackpy's test_flat_peak: a plateau of equal maxima is one feature at its centre.
        var frame = TrackpyDrawing.Filled(21, 23, 1);
        frame[11, 13] = 100;
        frame[11, 14] = 100;
        frame[11, 15] = 100;
        var f = Assert.Single(Locate(frame, new CrockerGrierParameters(5) { Preprocess = false }, PixelType.UInt8));
        Assert.Equal(14, f.X, 0.1);
        Assert.Equal(11, f.Y, 0.1);
    }

    [Fact]
    public void TopNKeepsTheBrightestInAscendingMass()
    {
        // trackpy's test_topn.
        var frame = TrackpyDrawing.Filled(21, 23, 1);
        frame[7, 7] = 100;
        frame[14, 14] = 90;
        frame[7, 14] = 80;
        var parameters = new CrockerGrierParameters(5) { MinMass = 1, Preprocess = false };

        var two = Locate(frame, parameters with { TopN = 2 }, PixelType.UInt8);
        Assert.Equal([(14.0, 14.0), (7.0, 7.0)], two.Select(f => (Math.Round(f.X), Math.Round(f.Y))));
        Assert.True(two[0].Mass < two[1].Mass);

        var one = Assert.Single(Locate(frame, parameters with { TopN = 1 }, PixelType.UInt8));
        Assert.Equal((7.0, 7.0), (Math.Round(one.X), Math.Round(one.Y)));
        Assert.Equal(3, Locate(frame, parameters with { TopN = 5 }, PixelType.UInt8).Count);
    }

    [Fact]
    public void MinMassAndMaxSizeFilterAsTrackpyDoes()
    {
        // trackpy's test_minmass_maxsize: four features of sizes 2.5, 5, 0.8 and 3.2.
        var frame = TrackpyDrawing.Filled(64, 66, 0);
        (int Y, int X)[] at = [(15, 20), (40, 40), (25, 50), (35, 15)];
        double[] sizes = [2.5, 5, 0.8, 3.2];
        for (var i = 0; i < at.Length; i++)
        {
            TrackpyDrawing.AddTrackpyGaussian(frame, at[i].Y, at[i].X, sizes[i], 252);
        }

        var parameters = new CrockerGrierParameters(15) { Preprocess = false, Separation = 10 };
        Assert.Equal([(35, 15), (40, 40)], Positions(Locate(frame, parameters with { MinMass = 6500 }, PixelType.UInt8)));
        Assert.Equal([(15, 20), (25, 50)], Positions(Locate(frame, parameters with { MaxSize = 3.0 }, PixelType.UInt8)));
        Assert.Equal(
            [(15, 20), (35, 15)], Positions(Locate(frame, parameters with { MinMass = 600, MaxSize = 4.0 }, PixelType.UInt8)));
    }

    [Theory]
    [InlineData(64, 4)]
    [InlineData(0, 9)]
    [InlineData(50, 5)]
    [InlineData(100, 0)]
    public void PercentileOfNonZeroPixelsSetsTheFloorForPeaks(double percentile, int expected)
    {
        // Ten isolated pixels of 10, 20, …, 100 are the only non-zero pixels: the 64th percentile is
        // 60 + 0.76·10 = 67.6, so 70…100 pass; at 0 it is 10, and peaks must be strictly brighter.
        var frame = TrackpyDrawing.Filled(30, 80, 0);
        for (var i = 0; i < 10; i++)
        {
            frame[15, 8 + (7 * i)] = 10 * (i + 1);
        }

        var parameters = new CrockerGrierParameters(3) { Preprocess = false, Percentile = percentile };
        Assert.Equal(expected, Locate(frame, parameters, PixelType.UInt8).Count);
    }

    [Theory]
    [InlineData(PixelType.UInt16, 1000f, 60000f)]
    [InlineData(PixelType.Float32, 0.1f, 0.9f)]
    public void InvertFindsDarkSpots(PixelType type, float amplitude, float background)
    {
        var frame = TrackpyDrawing.Filled(40, 44, background);
        TrackpyDrawing.AddGaussian(frame, 12.3, 14.6, 1.5, -amplitude);
        TrackpyDrawing.AddGaussian(frame, 27, 30.2, 1.5, -amplitude);
        var dark = Locate(frame, new CrockerGrierParameters(9) { Invert = true }, type);
        Assert.Equal([(12, 15), (27, 30)], Positions(dark));
        Assert.Equal(14.6, dark[0].X, 0.1);
        Assert.Equal(12.3, dark[0].Y, 0.1);
        Assert.DoesNotContain(
            Locate(frame, new CrockerGrierParameters(9), type), f => Math.Abs(f.X - 14.6) < 2 && Math.Abs(f.Y - 12.3) < 2);
    }

    [Theory]
    [InlineData(null, 3)]
    [InlineData(20.0, 9)]
    public void PeaksInsideTheMarginAreExcluded(double? separation, int margin)
    {
        // margin = max(radius, separation // 2 − 1, smoothing_size // 2): 3 by default for diameter 7, 9 for separation 20.
        var frame = TrackpyDrawing.Filled(40, 60, 1);
        frame[20, margin - 1] = 100;
        frame[20, 30] = 100;
        frame[margin, 50] = 100;
        var parameters = new CrockerGrierParameters(7) { Preprocess = false, Separation = separation };
        Assert.Equal([(margin, 50), (20, 30)], Positions(Locate(frame, parameters, PixelType.UInt8)).OrderBy(p => p.Y));
    }

    [Fact]
    public void WithoutCharacterizationPositionsAndMassAreUnchangedAndTheRestIsNaN()
    {
        var frame = TrackpyDrawing.Filled(40, 44, 10);
        TrackpyDrawing.AddGaussian(frame, 12.3, 14.6, 1.5, 500);
        TrackpyDrawing.AddGaussian(frame, 27, 30.2, 1.5, 400);
        var full = Locate(frame, new CrockerGrierParameters(9), PixelType.UInt16);
        var bare = Locate(frame, new CrockerGrierParameters(9) { Characterize = false }, PixelType.UInt16);
        Assert.Equal(full.Select(f => (f.X, f.Y, f.Mass)), bare.Select(f => (f.X, f.Y, f.Mass)));
        Assert.All(bare, f => Assert.True(double.IsNaN(f.Size) && double.IsNaN(f.Ecc) && double.IsNaN(f.Signal)
            && double.IsNaN(f.RawMass) && double.IsNaN(f.Ep)));
        Assert.All(full, f => Assert.True(f.Ep > 0 && f.Ep < 0.1));
    }

    private static (int Y, int X)[] Positions(IEnumerable<CrockerGrierFeature> features) =>
        features.Select(f => ((int)Math.Round(f.Y), (int)Math.Round(f.X))).OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToArray();

    private static IReadOnlyList<CrockerGrierFeature> Locate(ImageFrame frame, CrockerGrierParameters parameters, PixelType type) =>
        new CrockerGrier(parameters, type).LocatePixels(frame);
}
