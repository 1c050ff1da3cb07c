using Perrin.Analysis.Detection;

namespace Perrin.Analysis.Tests.Detection;

public class LocalMaximaTests
{
    [Fact]
    public void ASingleBrightPixelIsFoundExactlyAtItsCentre()
    {
        var map = Maps.With(9, 11, (7, 4, 0.9f));
        var peak = Assert.Single(LocalMaxima.Find(map, 0.5f));
        Assert.Equal(new Peak(7, 4, 0.9f, 7.0, 4.0), peak);
    }

    [Fact]
    public void TheCentroidWeighsTheWindowByValue()
    {
        var map = Maps.With(9, 9, (5, 5, 4f), (6, 5, 2f), (5, 4, 1f), (2, 2, 3f));
        var peaks = LocalMaxima.Find(map, 0.5f, minDistance: 1, refineRadius: 1);
        Assert.Equal(2, peaks.Count);
        Assert.Equal(new Peak(2, 2, 3f, 2.0, 2.0), peaks[0]);
        Assert.Equal((5, 5), (peaks[1].Column, peaks[1].Row));
        Assert.Equal(((4.0 * 5) + (2.0 * 6) + (1.0 * 5)) / 7.0, peaks[1].X);
        Assert.Equal(((4.0 * 5) + (2.0 * 5) + (1.0 * 4)) / 7.0, peaks[1].Y);
    }

    [Fact]
    public void RadiusZeroKeepsThePixelCentre()
    {
        var map = Maps.With(5, 5, (2, 2, 4f), (3, 2, 2f));
        Assert.Equal(2.0, Assert.Single(LocalMaxima.Find(map, 0.5f, refineRadius: 0)).X);
    }

    [Fact]
    public void TheThresholdIsInclusive()
    {
        var map = Maps.With(6, 6, (1, 1, 0.5f), (4, 4, 0.49999997f));
        var peak = Assert.Single(LocalMaxima.Find(map, 0.5f));
        Assert.Equal((1, 1), (peak.Column, peak.Row));
    }

    [Fact]
    public void APlateauGivesOneMaximumAtItsFirstPixelAndTheCentroidInItsMiddle()
    {
        var map = Maps.With(5, 6, (2, 2, 1f), (3, 2, 1f));
        var peak = Assert.Single(LocalMaxima.Find(map, 0.5f));
        Assert.Equal((2, 2), (peak.Column, peak.Row));
        Assert.Equal(2.5, peak.X);
        Assert.Equal(2.0, peak.Y);
    }

    [Theory]
    [InlineData(3.0, 2)]
    [InlineData(3.0001, 1)]
    public void MaximaCloserThanTheMinimumDistanceKeepTheLargest(double minDistance, int expected)
    {
        var map = Maps.With(8, 8, (1, 1, 0.8f), (4, 1, 1f));
        var peaks = LocalMaxima.Find(map, 0.5f, minDistance, refineRadius: 0);
        Assert.Equal(expected, peaks.Count);
        Assert.Contains(peaks, p => p.Column == 4);
    }

    [Fact]
    public void EqualMaximaWithinTheMinimumDistanceKeepTheFirstInRasterOrder()
    {
        var map = Maps.With(8, 8, (5, 1, 1f), (3, 2, 1f));
        var peak = Assert.Single(LocalMaxima.Find(map, 0.5f, minDistance: 4));
        Assert.Equal((5, 1), (peak.Column, peak.Row));
    }

    [Fact]
    public void PeaksComeInRasterOrderWhateverTheirValues()
    {
        var map = Maps.With(10, 10, (8, 1, 0.6f), (1, 5, 0.9f), (5, 8, 0.7f), (2, 1, 0.8f));
        var peaks = LocalMaxima.Find(map, 0.5f);
        Assert.Equal([(2, 1), (8, 1), (1, 5), (5, 8)], peaks.Select(p => (p.Column, p.Row)).ToArray());
    }

    [Fact]
    public void NaNInTheMapIsReportedWithItsPixel()
    {
        var map = Maps.With(4, 5, (3, 2, float.NaN));
        var error = Assert.Throws<ArgumentException>(() => LocalMaxima.Find(map, 0.5f));
        Assert.Contains("(3, 2)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void ANonPositiveThresholdIsRefused(float threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalMaxima.Find(Maps.Zero(3, 3), threshold));

    [Fact]
    public void AnEmptyMapHasNoPeaks() => Assert.Empty(LocalMaxima.Find(Maps.Zero(0, 0), 0.5f));
}
