using Perrin.Analysis.Localizers.Trackpy;

namespace Perrin.Analysis.Tests.Localizers.Trackpy;

public class PeakPrimitivesReferenceTests
{
    private static readonly CrockerGrierFixture Fixture = CrockerGrierFixture.Load("maxima_percentile_noise.txt");

    [Theory]
    [InlineData(0.0)]
    [InlineData(37.5)]
    [InlineData(64.0)]
    [InlineData(99.9)]
    [InlineData(100.0)]
    public void PercentileOfNonZeroPixelsMatchesNumpy(double percentile)
    {
        var expected = Fixture[$"percentile_{percentile.ToString(System.Globalization.CultureInfo.InvariantCulture)}"][0];
        Assert.Equal(expected, new PercentileThreshold().Compute(Fixture["input"], percentile));
    }

    [Fact]
    public void PercentileSortPathAgreesWithTheHistogramPath()
    {
        var shifted = Fixture["input"].Select(v => v == 0 ? 0 : v + 100_000).ToArray();
        var expected = Fixture["percentile_64"][0] + 100_000;
        Assert.Equal(expected, new PercentileThreshold().Compute(shifted, 64), 1e-9);
    }

    [Fact]
    public void AllBlackImageHasNoPercentile() =>
        Assert.True(double.IsNaN(new PercentileThreshold().Compute(new double[12], 64)));

    [Theory]
    [InlineData(4.0, 1)]
    [InlineData(6.0, 2)]
    [InlineData(12.0, 5.5)]
    public void PeaksAreWhereTheImageEqualsScipysGreyDilation(double separation, double margin)
    {
        var image = Fixture["input"];
        var dilation = Fixture[$"dilation_{separation:0}"];
        var threshold = 40.0;
        var expected = new List<(int Y, int X)>();
        for (var y = 0; y < Fixture.Height; y++)
        {
            for (var x = 0; x < Fixture.Width; x++)
            {
                var i = (y * Fixture.Width) + x;
                var inside = y >= margin && x >= margin && y <= Fixture.Height - margin - 1 && x <= Fixture.Width - margin - 1;
                if (inside && image[i] == dilation[i] && image[i] > threshold)
                {
                    expected.Add((y, x));
                }
            }
        }

        var actual = new List<(int Y, int X)>();
        new LocalMaxima().Find(image, Fixture.Height, Fixture.Width, separation, threshold, margin, actual);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void BackgroundNoiseMatchesNumpyOverTheUndilatedPixels()
    {
        var raw = Fixture.Floats("raw");
        var mask = new FeatureMask((int)Fixture["noise_radius"][0]);
        var (black, noise) = new BackgroundNoise(mask).Measure(Fixture["input"], raw, Fixture.Height, Fixture.Width);

        // The fixture's raw image is float64; the localizer sees it as float32, hence the looser tolerance.
        Assert.Equal(Fixture["black_level"][0], black, 1e-4);
        Assert.Equal(Fixture["noise"][0], noise, 1e-4);
    }

    [Fact]
    public void MaskIsTrackpysCircleWithItsWeights()
    {
        var mask = new FeatureMask(3);
        Assert.Equal(29, mask.Count);
        Assert.Equal(81, new FeatureMask(5).Count);
        Assert.Equal(113, new FeatureMask(6).Count);
        var middle = mask.Count / 2;
        Assert.Equal((0, 0), (mask.Dy[middle], mask.Dx[middle]));

        // trackpy's cos 2θ is 1 at the centre (atan2(0, 0) = 0), which its eccentricity formula relies on.
        Assert.Equal(1.0, mask.Cos2Theta[middle]);
        // Σ y² over the radius-3 circle: rows ±3 hold 1 pixel, rows ±2 and ±1 hold 5 each.
        Assert.Equal(Math.Sqrt((2 * 9) + (10 * 4) + (10 * 1)), mask.RootSumSquaredOffset, 1e-12);
    }
}
