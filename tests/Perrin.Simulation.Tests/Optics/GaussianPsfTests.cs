using Perrin.Core.Maths;
using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Tests.Optics;

public sealed class GaussianPsfTests
{
    [Fact]
    public void EachPixelHoldsTheProductOfErfDifferences()
    {
        var psf = new GaussianPsf(1.3);
        var image = new float[21 * 21];
        psf.AddPoint(image, 21, 21, 10.27, 9.61, 0, 1000);
        double s = 1.3 * Math.Sqrt(2);
        for (int row = 0; row < 21; row++)
        {
            for (int col = 0; col < 21; col++)
            {
                double fx = 0.5 * (ErrorFunction.Erf((col + 0.5 - 10.27) / s) - ErrorFunction.Erf((col - 0.5 - 10.27) / s));
                double fy = 0.5 * (ErrorFunction.Erf((row + 0.5 - 9.61) / s) - ErrorFunction.Erf((row - 0.5 - 9.61) / s));
                Assert.Equal(1000 * fx * fy, image[(row * 21) + col], 1e-4);
            }
        }
    }

    [Fact]
    public void APixelValueIsTheIntegralOfTheGaussianOverThePixel()
    {
        // Independent check of the closed form: 2D Simpson integration of the normalized Gaussian density.
        const double sigma = 0.9, x0 = 3.3, y0 = 2.8;
        var image = new float[7 * 7];
        new GaussianPsf(sigma).AddPoint(image, 7, 7, x0, y0, 0, 1);
        const int steps = 200;
        double integral = 0;
        for (int i = 0; i <= steps; i++)
        {
            for (int j = 0; j <= steps; j++)
            {
                double x = 3.5 + ((double)i / steps) - x0;
                double y = 1.5 + ((double)j / steps) - y0;
                double w = SimpsonWeight(i, steps) * SimpsonWeight(j, steps);
                integral += w * Math.Exp(-((x * x) + (y * y)) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
            }
        }

        integral /= 9.0 * steps * steps;
        Assert.Equal(integral, image[(2 * 7) + 4], 1e-7);
    }

    [Fact]
    public void TheImageSumIsTheErfProductOverTheImageBounds()
    {
        // Near the edge: what is drawn is exactly the Gaussian mass inside [−½, w − ½] × [−½, h − ½].
        const double sigma = 1.7, x = 0.4, y = 3.9;
        var image = new float[9 * 6];
        new GaussianPsf(sigma).AddPoint(image, 9, 6, x, y, 0, 1);
        double s = sigma * Math.Sqrt(2);
        double expected = 0.25 * (ErrorFunction.Erf((8.5 - x) / s) - ErrorFunction.Erf((-0.5 - x) / s))
            * (ErrorFunction.Erf((5.5 - y) / s) - ErrorFunction.Erf((-0.5 - y) / s));
        Assert.Equal(expected, PsfMeasure.Sum(image), 1e-6);
        Assert.True(expected < 0.7);
    }

    [Fact]
    public void APointInAWideFieldKeepsAllItsPhotons()
    {
        var image = new float[64 * 64];
        new GaussianPsf(2.2).AddPoint(image, 64, 64, 31.7, 30.2, 0, 5000);
        Assert.Equal(5000, PsfMeasure.Sum(image), 5000 * 1e-6);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.49, -0.5)]
    [InlineData(0.25, 0.125)]
    [InlineData(-0.37, 0.44)]
    public void TheCentroidIsThePosition(double dx, double dy)
    {
        var image = new float[40 * 40];
        new GaussianPsf(1.1).AddPoint(image, 40, 40, 20 + dx, 19 + dy, 0, 1);
        (double cx, double cy) = PsfMeasure.Centroid(image, 40);
        Assert.Equal(20 + dx, cx, 1e-4);
        Assert.Equal(19 + dy, cy, 1e-4);
    }

    [Fact]
    public void SigmaFollowsTheOpticsAndIsValidated()
    {
        Assert.Equal(0.21 * 600 / 1.2 / 100, GaussianPsf.FromSystem(new OpticalSystem(1.2, 600, 1.33, 100)).SigmaPixels, 12);
        Assert.Throws<ArgumentException>(() => new GaussianPsf(0));
        Assert.Throws<ArgumentException>(() => new GaussianPsf(double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => new GaussianPsf(1).AddPoint(new float[10], 3, 3, 1, 1, 0, 1));
    }

    private static double SimpsonWeight(int i, int steps) => i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
}
