using Perrin.Analysis.Detection;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Detection;

public class HeatmapDecoderTests
{
    [Fact]
    public void OnTheCameraGridAPixelCentreIsHalfAPixelFromTheCorner()
    {
        var decoder = new HeatmapDecoder(new HeatmapDecoderOptions());
        var loc = Assert.Single(decoder.Decode(Maps.With(6, 6, (2, 3, 1f)), 7, 100));
        Assert.Equal((7, 250.0, 350.0), (loc.Frame, loc.X, loc.Y));
        Assert.True(double.IsNaN(loc.Intensity));
    }

    [Fact]
    public void ASuperResolvedPixelCentreIsAtJPlusOneHalfOverUCameraPixels()
    {
        // Map pixel 12 of an 8× map is sub-pixel 4 of camera pixel 1: centre at 1 + 4.5/8 camera pixels.
        var decoder = new HeatmapDecoder(new HeatmapDecoderOptions { Upsampling = 8 });
        var loc = Assert.Single(decoder.Decode(Maps.With(32, 32, (12, 3, 1f)), 0, 100));
        Assert.Equal(156.25, loc.X);
        Assert.Equal(43.75, loc.Y);
        Assert.Equal(12.0, SuperResolvedGrid.ToMapPixels(loc.X, 8, 100));
    }

    [Fact]
    public void TwoEqualMapPixelsAcrossACameraPixelEdgePutTheEmitterOnTheEdge()
    {
        var decoder = new HeatmapDecoder(new HeatmapDecoderOptions { Upsampling = 4 });
        var loc = Assert.Single(decoder.Decode(Maps.With(16, 16, (7, 9, 1f), (8, 9, 1f)), 0, 160));
        Assert.Equal(2 * 160.0, loc.X);
        Assert.Equal(9.5 * 40, loc.Y);
    }

    [Fact]
    public void AnEmitterRenderedOnASuperResolvedGridComesBackAtItsPosition()
    {
        // A symmetric 3×3 spot on an 8× grid centred on map pixel (21, 10).
        const int u = 8;
        const double px = 108;
        var map = Maps.Zero(24, 32);
        float[] weights = [0.25f, 0.5f, 0.25f];
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                map[10 + dy, 21 + dx] = 4 * weights[dx + 1] * weights[dy + 1];
            }
        }

        foreach (var method in new[] { DetectionMethod.LocalMaxima, DetectionMethod.ConnectedComponents })
        {
            var decoder = new HeatmapDecoder(new HeatmapDecoderOptions { Upsampling = u, Threshold = 0.1f, Method = method });
            var loc = Assert.Single(decoder.Decode(map, 3, px));
            Assert.Equal(21.5 * px / u, loc.X);
            Assert.Equal(10.5 * px / u, loc.Y);
        }
    }

    [Fact]
    public void ComponentsMergeWhatLocalMaximaKeepApart()
    {
        var map = Maps.With(5, 9, (2, 2, 1f), (3, 2, 0.5f), (4, 2, 1f));
        var maxima = new HeatmapDecoder(new HeatmapDecoderOptions { RefineRadius = 0 }).Decode(map, 0, 1);
        var components = new HeatmapDecoder(new HeatmapDecoderOptions { Method = DetectionMethod.ConnectedComponents }).Decode(map, 0, 1);
        Assert.Equal([2.5, 4.5], maxima.Select(l => l.X).ToArray());
        Assert.Equal(3.5, Assert.Single(components).X);
    }

    [Fact]
    public void BadSettingsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeatmapDecoder(new HeatmapDecoderOptions { Upsampling = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeatmapDecoder(new HeatmapDecoderOptions { Threshold = 0 }));
        var decoder = new HeatmapDecoder(new HeatmapDecoderOptions());
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(Maps.Zero(2, 2), 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Decode(Maps.Zero(2, 2), -1, 100));
    }

    [Fact]
    public void AnEmptyMapGivesNoLocalizations() =>
        Assert.Empty(new HeatmapDecoder(new HeatmapDecoderOptions()).Decode(new ImageFrame(Memory<float>.Empty, 0, 0), 0, 100));
}
