using Perrin.Core.Maths;
using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Tests.Optics;

public sealed class AiryPsfTests
{
    private static readonly OpticalSystem System = new(1.4, 680, 1.518, 100);

    [Fact]
    public void FirstZeroAndWidthMatchTheAiryPattern()
    {
        // Born & Wolf §8.5.2: first zero at 0.61 λ/NA, FWHM 0.51 λ/NA; both within 2%.
        var psf = new AiryPsf(System, 10);
        const double step = 0.005;
        double[] profile = [.. Enumerable.Range(0, 2000).Select(i => psf.Intensity(i * step))];
        (double zero, double fwhm) = PsfMeasure.ZeroAndWidth(profile, step);
        double unit = System.WavelengthNm / System.NumericalAperture / System.PixelSizeNm;
        Assert.InRange(zero / unit, 0.61 * 0.98, 0.61 * 1.02);
        Assert.InRange(fwhm / unit, 0.51 * 0.98, 0.51 * 1.02);
    }

    [Fact]
    public void APointSumsToTheLightInsideTheSquareItCovers()
    {
        // For a radially symmetric PSF, the light inside a square is the mean over directions θ of the encircled
        // energy at the distance ρ(θ) to the square's edge; Rayleigh's closed form EE(v) = 1 − J0(v)² − J1(v)².
        const int radius = 30;
        var psf = new AiryPsf(System, radius);
        const int side = (2 * radius) + 1;
        var image = new float[side * side];
        psf.AddPoint(image, side, side, radius, radius, 0, 1);

        const int angles = 20000;
        double expected = 0;
        for (int i = 0; i < angles; i++)
        {
            double theta = (i + 0.5) * (Math.PI / 4) / angles;
            double v = psf.RadiansPerPixel * (radius + 0.5) / Math.Cos(theta);
            double j0 = Bessel.J0(v), j1 = Bessel.J1(v);
            expected += 1 - (j0 * j0) - (j1 * j1);
        }

        expected /= angles;
        Assert.Equal(expected, PsfMeasure.Sum(image), 1e-4 * expected);
        Assert.True(expected < 0.995);
    }

    [Fact]
    public void TheAnalyticIntensityIntegratesToOne()
    {
        // ∫ I 2πr dr over the plane = EE(∞) = 1; checked as EE at a large radius against Rayleigh's form.
        var psf = new AiryPsf(System, 10);
        double rMax = 40 / psf.RadiansPerPixel;
        var rule = GaussLegendre.Get(64);
        double integral = 0;
        const int pieces = 40;
        for (int p = 0; p < pieces; p++)
        {
            double a = rMax * p / pieces, b = rMax * (p + 1) / pieces;
            for (int i = 0; i < rule.Order; i++)
            {
                double r = a + ((b - a) * 0.5 * (rule.Nodes[i] + 1));
                integral += rule.Weights[i] * 0.5 * (b - a) * psf.Intensity(r) * 2 * Math.PI * r;
            }
        }

        double j0 = Bessel.J0(40), j1 = Bessel.J1(40);
        Assert.Equal(1 - (j0 * j0) - (j1 * j1), integral, 1e-9);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, -0.5)]
    [InlineData(0.31, 0.07)]
    [InlineData(-0.23, 0.41)]
    public void TheCentroidIsThePosition(double dx, double dy)
    {
        // Truncating the r⁻³ tail at R pixels biases the centroid by at most |offset|/(π·k·R) ≈ 0.005 px here.
        var psf = new AiryPsf(System, 25);
        int side = (2 * psf.PatchRadius) + 11;
        var image = new float[side * side];
        int c = side / 2;
        psf.AddPoint(image, side, side, c + dx, c + dy, 0, 1);
        (double cx, double cy) = PsfMeasure.Centroid(image, side);
        Assert.Equal(c + dx, cx, 0.01);
        Assert.Equal(c + dy, cy, 0.01);
    }

    [Fact]
    public void TheFieldIsSignedAndSquaresToTheIntensity()
    {
        var psf = new AiryPsf(System, 12);
        double k = psf.RadiansPerPixel;
        Assert.True(psf.Field(0) > 0);
        Assert.True(psf.Field(5.1356 / k) < 0, "the first ring is in antiphase with the core");
        Assert.Equal(psf.Intensity(1.7), psf.Field(1.7) * psf.Field(1.7), 1e-15);
        Assert.Equal(k * k / (4 * Math.PI), psf.Intensity(0), 1e-15);

        var field = new System.Numerics.Complex[25 * 25];
        psf.AddPointField(field, 25, 25, 12, 12, 0, new System.Numerics.Complex(0, 2));
        Assert.True(field[(12 * 25) + 12].Imaginary > 0);
        Assert.Equal(0, field[(12 * 25) + 12].Real);
    }
}
