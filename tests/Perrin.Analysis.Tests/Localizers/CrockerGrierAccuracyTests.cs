using Perrin.Analysis.Localizers;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Tests.Localizers;

/// <summary>trackpy's own accuracy requirements (test_feature.py) and closed forms for mass and size.</summary>
public class CrockerGrierAccuracyTests
{
    [Fact]
    public void SingleBrightPixelIsLocatedTo0point001Pixel()
    {
        var frame = TrackpyDrawing.Filled(21, 23, 1);
        frame[7, 13] = 100;
        var features = Locate(frame, new CrockerGrierParameters(3) { MinMass = 1, Preprocess = false }, PixelType.UInt8);

        var f = Assert.Single(features);
        Assert.Equal(13, f.X, 0.001);
        Assert.Equal(7, f.Y, 0.001);

        // By hand: the radius-1 mask holds the pixel and its 4 neighbours of value 1.
        Assert.Equal(104, f.Mass);
        Assert.Equal(104, f.RawMass);
        Assert.Equal(100, f.Signal);
        Assert.Equal(Math.Sqrt(4.0 / 104), f.Size, 1e-15);

        // trackpy's cos 2θ mask is 1 at the centre, so the centre pixel enters the numerator of ecc but not its
        // denominator (mass − centre + 1e-6): an isolated bright pixel gets ecc = 100 / 4, not 0.
        Assert.Equal(100 / (4 + 1e-6), f.Ecc, 1e-9);
    }

    [Theory]
    [InlineData(100, 100, 7.5, 13)]
    [InlineData(100, 50, 7.0 + (50.0 / 150), 13)]
    [InlineData(50, 100, 8.0 - (50.0 / 150), 13)]
    public void TwoNeighbouringPixelsGiveTheirWeightedCentre(float first, float second, double y, double x)
    {
        var frame = TrackpyDrawing.Filled(21, 23, 1);
        frame[7, 13] = first;
        frame[8, 13] = second;
        var f = Assert.Single(Locate(frame, new CrockerGrierParameters(5) { MinMass = 1, Preprocess = false }, PixelType.UInt8));
        Assert.Equal(x, f.X, 0.1);
        Assert.Equal(y, f.Y, 0.1);
    }

    [Fact]
    public void CentredTrackpyGaussianIsLocatedTo0point1Pixel()
    {
        var frame = TrackpyDrawing.Filled(21, 23, 1);
        TrackpyDrawing.AddTrackpyGaussian(frame, 7, 13, 4.5, 252);
        var f = Assert.Single(Locate(frame, new CrockerGrierParameters(9) { MinMass = 1, Preprocess = false }, PixelType.UInt8));
        Assert.Equal(13, f.X, 0.1);
        Assert.Equal(7, f.Y, 0.1);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.2, 0.45)]
    [InlineData(0.35, -0.3)]
    [InlineData(0.5, 0.5)]
    [InlineData(-0.7, 0.8)]
    public void SubPixelGaussianIsLocatedTo0point1PixelThroughTheBandpass(double dy, double dx)
    {
        var frame = TrackpyDrawing.Filled(40, 43, 0.05f);
        var y = 20 + dy;
        var x = 21 + dx;
        TrackpyDrawing.AddGaussian(frame, y, x, 1.5, 0.8);
        var f = Assert.Single(Locate(frame, new CrockerGrierParameters(9), PixelType.Float32));
        Assert.Equal(x, f.X, 0.1);
        Assert.Equal(y, f.Y, 0.1);
    }

    [Theory]
    [InlineData(50, 55, 2)]
    [InlineData(50.2, 55, 3)]
    [InlineData(50.5, 55, 5)]
    [InlineData(50, 55, 7)]
    public void SizeIsTheRadiusOfGyrationThatIsSqrt2TimesSigma(double y, double x, double size)
    {
        // trackpy's test_size: exp(−d²/size²) is a Gaussian of sigma size/√2, whose radius of gyration is size.
        var frame = TrackpyDrawing.Filled(101, 103, 0);
        TrackpyDrawing.AddTrackpyGaussian(frame, y, x, size, 252);
        var parameters = new CrockerGrierParameters((int)(size * 8) - 1) { MinMass = 1, Preprocess = false };
        var f = Assert.Single(Locate(frame, parameters, PixelType.UInt8));
        Assert.Equal(size, f.Size, size * 0.1);
    }

    [Fact]
    public void RoundFeatureHasEccentricityNearZero()
    {
        // trackpy's test_eccentricity with ecc = 0: a size-4.5 feature on a background of 1, diameter 21.
        var frame = TrackpyDrawing.Filled(503, 501, 1);
        TrackpyDrawing.AddTrackpyGaussian(frame, 50, 55, 4.5, 252);
        var f = Assert.Single(Locate(frame, new CrockerGrierParameters(21) { MinMass = 1, Preprocess = false }, PixelType.UInt8));
        Assert.Equal(0, f.Ecc, 0.02);
    }

    [Fact]
    public void MassOfAGaussianIsItsIntegralAndRawMassIsThePixelSumInTheMask()
    {
        const double sigma = 2.0;
        const double amplitude = 0.75;
        var frame = TrackpyDrawing.Filled(64, 64, 0);
        TrackpyDrawing.AddGaussian(frame, 31.3, 32.6, sigma, amplitude);
        var f = Assert.Single(Locate(frame, new CrockerGrierParameters(17) { Preprocess = false }, PixelType.Float32));

        // The radius-8 mask holds 4σ, so the masked sum is the full integral 2πσ²A to within 0.1 %; mass comes from
        // the image scaled to 8 bits and truncated, so it falls short by at most one level per pixel.
        var integral = 2 * Math.PI * sigma * sigma * amplitude;
        Assert.Equal(integral, f.RawMass, integral * 1e-3);
        Assert.InRange(f.Mass, f.RawMass - (197 * amplitude / 255), f.RawMass);
        Assert.Equal(Math.Sqrt(2) * sigma, f.Size, 0.02);
        var peakPixel = amplitude * Math.Exp(-((0.3 * 0.3) + (0.4 * 0.4)) / (2 * sigma * sigma));
        Assert.Equal(peakPixel, f.Signal, amplitude / 255);
    }

    private static IReadOnlyList<CrockerGrierFeature> Locate(ImageFrame frame, CrockerGrierParameters parameters, PixelType type) =>
        new CrockerGrier(parameters, type).LocatePixels(frame);
}
