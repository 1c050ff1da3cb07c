using Perrin.Analysis.Localizers;
using Perrin.Analysis.Localizers.Candidates;
using Perrin.Core.Imaging;
using Perrin.Core.Tables;
using Xunit.Abstractions;

namespace Perrin.Analysis.Tests.Localizers;

public sealed class GaussianMleTests(ITestOutputHelper output)
{
    private const double Px = LocalizationErrors.PixelNm;

    // 400 spots give 800 squared errors per axis, so the measured RMSE has a relative standard error of about
    // 1/√(2·800) = 2.5%; the MLE also approaches the bound only asymptotically (a few % above it at N = 500).
    // 10% is four standard errors: a correct fitter passes for any seed, and one 10% off the bound fails.
    [Theory]
    [InlineData(500.0, 21UL)]
    [InlineData(1000.0, 22UL)]
    [InlineData(5000.0, 23UL)]
    public void RmseIsWithinTenPercentOfTheCramerRaoBound(double photons, ulong seed)
    {
        var spots = new SimulatedSpots(25, 4, photons, 10, 1.3, seed);
        var errors = new LocalizationErrors(new GaussianMle(), spots);
        var crlb = errors.CrlbPx(spots, 4, fitSigma: true);
        output.WriteLine($"N={photons}: RMSE {errors.RmsePx:F4} px, CRLB {crlb:F4} px, ratio {errors.RmsePx / crlb:F3}");
        Assert.Equal(spots.Frames.Count * 16, errors.Spots);
        Assert.Equal(errors.Spots, errors.Matched.Count);
        Assert.Equal(errors.Spots, errors.Localizations);
        Assert.InRange(errors.RmsePx / crlb, 0.9, 1.1);
    }

    // The mean of 400 estimates of N has a standard error of about √Var(N̂)/20 ≈ 0.6% of N at N = 1000.
    [Theory]
    [InlineData(500.0, 31UL)]
    [InlineData(1000.0, 32UL)]
    [InlineData(5000.0, 33UL)]
    public void PhotonsAndBackgroundAreUnbiased(double photons, ulong seed)
    {
        var spots = new SimulatedSpots(25, 4, photons, 10, 1.3, seed);
        var errors = new LocalizationErrors(new GaussianMle(), spots);
        var meanPhotons = errors.Matched.Average(m => m.Loc.Intensity);
        var meanBackground = errors.Matched.Average(m => m.Loc.Offset);
        var meanSigma = errors.Matched.Average(m => m.Loc.Sigma) / Px;
        Assert.InRange(meanPhotons / photons, 0.97, 1.03);
        Assert.InRange(meanBackground / 10, 0.97, 1.03);
        Assert.InRange(meanSigma / 1.3, 0.98, 1.02);
        Assert.InRange(errors.Matched.Average(m => m.Dx), -0.02, 0.02);
        Assert.InRange(errors.Matched.Average(m => m.Dy), -0.02, 0.02);
    }

    [Theory]
    [InlineData(10.0, 10.0)]
    [InlineData(10.3, 9.62)]
    [InlineData(9.51, 10.49)]
    public void NoiselessSpotIsRecoveredExactly(double x, double y)
    {
        var frame = NoiselessSpot.Frame(21, x, y, 2000, 7, 1.4);
        var l = Assert.Single(new GaussianMle().Locate(frame, 3, Px));
        Assert.Equal(3, l.Frame);
        Assert.Equal((x + 0.5) * Px, l.X, 1e-3);
        Assert.Equal((y + 0.5) * Px, l.Y, 1e-3);
        Assert.Equal(1.4 * Px, l.Sigma, 1e-3);
        Assert.Equal(1.0, l.Intensity / 2000, 1e-5);
        Assert.Equal(1.0, l.Offset / 7, 1e-5);
        Assert.Equal(0, l.Chi2, 1e-5);
    }

    [Fact]
    public void UncertaintyIsTheFisherBoundAtTheEstimate()
    {
        var frame = NoiselessSpot.Frame(21, 10.2, 9.7, 800, 12, 1.3);
        var l = Assert.Single(new GaussianMle().Locate(frame, 0, Px));
        var bound = CramerRaoBound.Fisher(l.Intensity, l.Offset, l.Sigma / Px, 9, (l.X / Px) - 0.5 - 6, (l.Y / Px) - 0.5 - 6, fitSigma: true);
        Assert.Equal(bound.LateralPx * Px, l.Uncertainty, 1e-6 * l.Uncertainty);
        Assert.Equal(bound.LateralPx, l.Ep, 1e-9);
    }

    [Fact]
    public void CameraCountsAreConvertedToPhotons()
    {
        // 2000 photons at QE 0.8 are 1600 photoelectrons; 0.5 e⁻/ADU makes 3200 ADU above a 100 ADU baseline.
        var camera = new CameraModel { BaselineAdu = 100, ElectronsPerAdu = 0.5, QuantumEfficiency = 0.8, ReadNoiseElectrons = 1.5 };
        var electrons = NoiselessSpot.Render(21, 10.25, 9.8, 1600, 8, 1.3);
        var adu = electrons.Select(e => (e / 0.5f) + 100f).ToArray();
        var l = Assert.Single(new GaussianMle(new GaussianMleParameters { Camera = camera }).Locate(new ImageFrame(adu, 21, 21), 0, Px));
        Assert.Equal(10.75 * Px, l.X, 1e-2);
        Assert.Equal(2000, l.Intensity, 0.01);
        Assert.Equal(10, l.Offset, 1e-4);
    }

    [Fact]
    public void FixedSigmaIsReportedAsGiven()
    {
        var frame = NoiselessSpot.Frame(21, 10.1, 10.3, 1500, 5, 1.3);
        var parameters = new GaussianMleParameters { FitSigma = false, Detector = new CandidateDetectorParameters { SigmaPx = 1.3 } };
        var l = Assert.Single(new GaussianMle(parameters).Locate(frame, 0, Px));
        Assert.Equal(1.3 * Px, l.Sigma, 1e-9);
        Assert.Equal(10.6 * Px, l.X, 1e-3);
    }

    [Fact]
    public void BadInputGivesDefinedResults()
    {
        var mle = new GaussianMle();
        Assert.Empty(mle.Locate(new ImageFrame(Array.Empty<float>(), 0, 0), 0, Px));
        Assert.Empty(mle.Locate(new ImageFrame(Enumerable.Repeat(float.NaN, 400).ToArray(), 20, 20), 0, Px));
        Assert.Empty(mle.Locate(new ImageFrame(new float[400], 20, 20), 0, Px));

        var spot = NoiselessSpot.Render(21, 10, 10, 2000, 5, 1.3);
        spot[(10 * 21) + 11] = float.NaN;
        Assert.Empty(mle.Locate(new ImageFrame(spot, 21, 21), 0, Px));

        var frame = NoiselessSpot.Frame(21, 10, 10, 2000, 5, 1.3);
        Assert.Throws<ArgumentOutOfRangeException>("pixelSizeNm", () => mle.Locate(frame, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>("RoiRadiusPx", () => new GaussianMle(new GaussianMleParameters { RoiRadiusPx = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("EmGain", () => new GaussianMle(new GaussianMleParameters { Camera = new CameraModel { EmGain = 0.5 } }));
    }

    [Fact]
    public void SpotsNearTheEdgeAreSkippedAndOthersKeptInOrder()
    {
        var a = NoiselessSpot.Render(32, 2, 16, 3000, 5, 1.3);
        var b = NoiselessSpot.Render(32, 20, 8, 3000, 0, 1.3);
        var c = NoiselessSpot.Render(32, 9, 24, 3000, 0, 1.3);
        var sum = a.Zip(b, (p, q) => p + q).Zip(c, (p, q) => p + q).ToArray();
        var found = new GaussianMle().Locate(new ImageFrame(sum, 32, 32), 0, Px);
        Assert.Equal(2, found.Count);
        Assert.Equal(20.5 * Px, found[0].X, 0.5);
        Assert.Equal(24.5 * Px, found[1].Y, 0.5);
        Assert.Equal("gauss-mle", new GaussianMle().Name);
        Assert.IsAssignableFrom<IFrameLocalizer>(new GaussianMle());
        Assert.True(found.All(l => PixelCoordinates.ToPixels(l.X, Px) > 4));
    }
}
