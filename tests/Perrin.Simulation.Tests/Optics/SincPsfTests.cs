using System.Numerics;
using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Tests.Optics;

public sealed class SincPsfTests
{
    private static readonly OpticalSystem System = new(1.4, 662, 1.518, 23);

    [Fact]
    public void FieldIsTheClosedFormWithTheAiryCentre()
    {
        // a(r) = k/(2√π)·sin(kr)/(kr), k = 2π·NA·pixel/λ; its centre equals the unit-power Airy field's centre.
        var psf = new SincPsf(System, 4);
        double k = 2 * Math.PI * 1.4 * 23 / 662;
        Assert.Equal(k, psf.RadiansPerPixel, 14);
        Assert.Equal(k / (2 * Math.Sqrt(Math.PI)), psf.Field(0), 14);
        Assert.Equal(new AiryPsf(System, 4).Field(0), psf.Field(0), 14);
        foreach (var r in new[] { 0.3, 2.0, 7.5, 31.0 })
        {
            Assert.Equal(k / (2 * Math.Sqrt(Math.PI)) * Math.Sin(k * r) / (k * r), psf.Field(r), 13);
        }
    }

    [Fact]
    public void ZerosLieAtMultiplesOfHalfTheWavelengthOverNa()
    {
        // sin(v) = 0 at v = mπ, i.e. r = m·λ/(2·NA); the sign alternates between consecutive zeros.
        var psf = new SincPsf(System, 4);
        double unit = 662 / (2 * 1.4) / 23;
        for (var m = 1; m <= 5; m++)
        {
            Assert.True(Math.Abs(psf.Field(m * unit)) < 1e-12 * psf.Field(0));
            Assert.Equal(m % 2 == 1 ? -1 : 1, Math.Sign(psf.Field((m + 0.5) * unit)));
        }
    }

    [Fact]
    public void PixelsHoldTheFieldAveragedOverTheirArea()
    {
        // Offsets on the table grid (multiples of 1/4 pixel) are drawn without interpolation: each pixel must equal
        // the brute-force 400×400 midpoint average of the closed form over its square (error < 1e-5 of the peak).
        var psf = new SincPsf(System, 6);
        const int size = 13;
        var field = new Complex[size * size];
        var amplitude = new Complex(0.3, -0.4);
        psf.AddPointField(field, size, size, 6.25, 5.75, 0, amplitude);
        foreach (var (column, row) in new[] { (6, 6), (7, 6), (6, 4), (10, 9), (0, 0) })
        {
            double sum = 0;
            const int n = 400;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    double dx = column - 0.5 + ((j + 0.5) / n) - 6.25;
                    double dy = row - 0.5 + ((i + 0.5) / n) - 5.75;
                    sum += psf.Field(Math.Sqrt((dx * dx) + (dy * dy)));
                }
            }

            var expected = amplitude * (sum / (n * n));
            Assert.True((field[(row * size) + column] - expected).Magnitude < 1e-5 * psf.Field(0), $"pixel ({column}, {row})");
        }
    }

    [Fact]
    public void OnlyThePatchIsDrawnAndFieldsAdd()
    {
        var psf = new SincPsf(System, 3);
        var field = new Complex[20 * 20];
        psf.AddPointField(field, 20, 20, 10, 10, 0, 1);
        psf.AddPointField(field, 20, 20, 10, 10, 500, 1);
        for (var row = 0; row < 20; row++)
        {
            for (var column = 0; column < 20; column++)
            {
                var inside = Math.Abs(row - 10) <= 3 && Math.Abs(column - 10) <= 3;
                Assert.Equal(inside, field[(row * 20) + column] != Complex.Zero);
            }
        }

        var single = new Complex[20 * 20];
        psf.AddPointField(single, 20, 20, 10, 10, 0, 2);
        Assert.Equal(single, field);
    }
}
