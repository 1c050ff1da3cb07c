using Perrin.Analysis.Localizers;
using Perrin.Core.Imaging;
using Xunit.Abstractions;

namespace Perrin.Analysis.Tests.Localizers;

public sealed class RadialSymmetryTests(ITestOutputHelper output)
{
    private const double Px = LocalizationErrors.PixelNm;

    // Parthasarathy 2012 finds radial symmetry within a small factor of the bound at high signal; with 800
    // squared errors the measured ratio has a 2.5% standard error, far inside the 1.5 × allowed.
    [Theory]
    [InlineData(1000.0, 41UL)]
    [InlineData(5000.0, 42UL)]
    public void RmseIsWithinOneAndAHalfTimesTheCramerRaoBound(double photons, ulong seed)
    {
        var spots = new SimulatedSpots(25, 4, photons, 10, 1.3, seed);
        var errors = new LocalizationErrors(new RadialSymmetry(), spots);
        var crlb = errors.CrlbPx(spots, 4, fitSigma: true);
        output.WriteLine($"N={photons}: RMSE {errors.RmsePx:F4} px, CRLB {crlb:F4} px, ratio {errors.RmsePx / crlb:F3}");
        Assert.Equal(errors.Spots, errors.Matched.Count);
        Assert.Equal(errors.Spots, errors.Localizations);
        Assert.InRange(errors.RmsePx / crlb, 0.8, 1.5);
    }

    [Fact]
    public void SymmetricSpotOnAPixelCentreIsExact()
    {
        var l = Assert.Single(new RadialSymmetry().Locate(NoiselessSpot.Frame(21, 10, 10, 3000, 4, 1.3), 0, Px));
        Assert.Equal(10.5 * Px, l.X, 1e-9);
        Assert.Equal(10.5 * Px, l.Y, 1e-9);
    }

    [Fact]
    public void MirrorSymmetryIsKept()
    {
        // The method has no preferred direction: mirroring the spot mirrors the estimate about the ROI centre.
        var radial = new RadialSymmetry();
        var a = Assert.Single(radial.Locate(NoiselessSpot.Frame(21, 10.3, 9.8, 3000, 4, 1.3), 0, Px));
        var b = Assert.Single(radial.Locate(NoiselessSpot.Frame(21, 9.7, 10.2, 3000, 4, 1.3), 0, Px));
        Assert.Equal(21 * Px, a.X + b.X, 1e-6);
        Assert.Equal(21 * Px, a.Y + b.Y, 1e-6);
    }

    [Theory]
    [InlineData(10.25, 10.0)]
    [InlineData(10.4, 9.65)]
    [InlineData(9.9, 10.1)]
    public void NoiselessOffCentreSpotsAreFoundWithinAFewHundredthsOfAPixel(double x, double y)
    {
        var l = Assert.Single(new RadialSymmetry().Locate(NoiselessSpot.Frame(21, x, y, 3000, 4, 1.3), 0, Px));
        Assert.Equal((x + 0.5) * Px, l.X, 0.03 * Px);
        Assert.Equal((y + 0.5) * Px, l.Y, 0.03 * Px);
        Assert.Equal(3000, l.Intensity, 0.05 * 3000);
    }

    [Fact]
    public void BadInputGivesDefinedResults()
    {
        var radial = new RadialSymmetry();
        Assert.Equal("radial", radial.Name);
        Assert.Empty(radial.Locate(new ImageFrame(Array.Empty<float>(), 0, 0), 0, Px));
        Assert.Empty(radial.Locate(new ImageFrame(new float[400], 20, 20), 0, Px));
        Assert.Throws<ArgumentOutOfRangeException>("pixelSizeNm", () => radial.Locate(new ImageFrame(new float[4], 2, 2), 0, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>("RoiRadiusPx", () => new RadialSymmetry(new RadialSymmetryParameters { RoiRadiusPx = 1 }));
    }

    [Fact]
    public void CentreOfAGivenRoiMatchesTheLocalizerAndIgnoresOffsetAndGain()
    {
        var frame = NoiselessSpot.Render(9, 4.3, 3.8, 3000, 4, 1.3);
        var (x, y) = RadialSymmetry.Centre(frame, 9);
        var l = Assert.Single(new RadialSymmetry().Locate(NoiselessSpot.Frame(9, 4.3, 3.8, 3000, 4, 1.3), 0, Px));
        Assert.Equal((l.X / Px) - 0.5, x, 9);
        Assert.Equal((l.Y / Px) - 0.5, y, 9);
        Assert.InRange(x, 4.25, 4.35);
        Assert.InRange(y, 3.75, 3.85);

        var counts = frame.Select(v => (3 * v) + 100).ToArray();
        var (cx, cy) = RadialSymmetry.Centre(counts, 9);
        Assert.Equal(x, cx, 4);
        Assert.Equal(y, cy, 4);
        Assert.True(double.IsNaN(RadialSymmetry.Centre(new float[25], 5).X));
        Assert.Throws<ArgumentException>("roi", () => RadialSymmetry.Centre(new float[24], 5));
        Assert.Throws<ArgumentOutOfRangeException>("size", () => RadialSymmetry.Centre(new float[4], 2));
    }
}
