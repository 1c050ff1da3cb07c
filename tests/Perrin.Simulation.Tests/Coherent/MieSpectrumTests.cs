using System.Numerics;
using Perrin.Core.Maths;
using Perrin.Simulation.Coherent;
using Perrin.Simulation.Scatterers.Mie;

namespace Perrin.Simulation.Tests.Coherent;

public class MieSpectrumTests
{
    private const int Size = 512;
    private const double Na = 0.8;

    [Theory]
    [InlineData(500, 1.58, 0)]
    [InlineData(500, 1.58, 4000)]
    [InlineData(250, 1.45, -3000)]
    public void BrightfieldObeysTheOpticalTheorem(double radius, double index, double z)
    {
        // Σ(I − 1)·A = 2 Re ∫E_s + ∫|E_s|² = −C_ext + C_sca(NA): the optical theorem (Bohren & Huffman §3.4)
        // gives the interference term, energy conservation through the aplanatic pupil the second. The
        // extinction term is exact on the grid; the C_sca term is a Riemann sum over the pupil, measured within 3e-4
        // on this 512² grid; the band is 0.5 %.
        var grid = CoherentImages.Grid(Size, Na);
        var mie = CoherentImages.Mie(grid, radius, index);
        var image = CoherentImages.Intensity(grid, CoherentImages.MieSpectrum(grid, mie, 200.3, 255.7, z), darkfield: false);
        double measured = image.Sum(v => v - 1) * CoherentImages.Pixel * CoherentImages.Pixel;
        var sphere = new MieSphere(radius, new Complex(index, 0), CoherentImages.Medium, CoherentImages.Wavelength);
        double expected = -sphere.ExtinctionCrossSectionNm2 + CoPolarizedScattering(sphere, Na);
        Assert.InRange(measured / expected, 0.995, 1.005);
    }

    [Theory]
    [InlineData(500, 1.58)]
    [InlineData(1000, 1.34)]
    public void DarkfieldCollectsTheScatteringCrossSectionWithinTheAperture(double radius, double index)
    {
        var grid = CoherentImages.Grid(Size, Na);
        var mie = CoherentImages.Mie(grid, radius, index);
        var image = CoherentImages.Intensity(grid, CoherentImages.MieSpectrum(grid, mie, 255.5, 255.25, 1000), darkfield: true);
        double measured = image.Sum() * CoherentImages.Pixel * CoherentImages.Pixel;
        var sphere = new MieSphere(radius, new Complex(index, 0), CoherentImages.Medium, CoherentImages.Wavelength);
        Assert.InRange(measured / CoPolarizedScattering(sphere, Na), 0.995, 1.005);
        Assert.True(measured < sphere.ScatteringCrossSectionNm2);
    }

    [Theory]
    [InlineData(100.37, 99.81, 0)]
    [InlineData(101.5, 100.125, 2500)]
    [InlineData(99.2, 100.9, -4000)]
    public void HologramIsCentredOnTheSphere(double x, double y, double z)
    {
        // (I − 1)² is band-limited to 2·2NA/λ, below the sampling rate 1/p, so its discrete centroid follows the
        // continuous one; the pattern is point-symmetric about the sphere, so the centroid lies on it.
        var grid = CoherentImages.Grid(200, Na);
        var mie = CoherentImages.Mie(grid, 500, 1.58);
        var image = CoherentImages.Intensity(grid, CoherentImages.MieSpectrum(grid, mie, x, y, z), darkfield: false);
        double sum = 0, sx = 0, sy = 0;
        const int half = 40;
        for (int row = 100 - half; row <= 100 + half; row++)
        {
            for (int col = 100 - half; col <= 100 + half; col++)
            {
                double w = (image[(row * 200) + col] - 1) * (image[(row * 200) + col] - 1);
                sum += w;
                sx += w * col;
                sy += w * row;
            }
        }

        Assert.InRange((sx / sum) - x, -0.01, 0.01);
        Assert.InRange((sy / sum) - y, -0.01, 0.01);
    }

    [Theory]
    [InlineData(192, 0.8, 5137.3, 9873.9, -4871.2)]
    [InlineData(192, 0.8, 2000.5, 17000.25, 4999.9)]
    [InlineData(90, 1.2, 4433.7, 4100.1, 1234.5)]
    public void ThePupilTableHoldsTheSameShiftedDefocusedSpectrum(int size, double na, double x, double y, double z)
    {
        // The single-precision pupil path against the double-precision whole-grid one, at off-grid positions and
        // depths: the two differ by float rounding only, ~1e-7 of the largest bin; the band is 1e-4 of it.
        var grid = CoherentImages.Grid(size, na);
        var mie = CoherentImages.Mie(grid, 500, 1.58);
        var whole = new Complex[size * size];
        mie.Add(whole, x, y, z);
        mie.Add(whole, y, x, -z);
        var pupil = new PupilSpectrum(grid.Pupil);
        mie.Add(pupil, x, y, z);
        mie.Add(pupil, y, x, -z);
        var back = new Complex[size * size];
        pupil.CopyTo(back);
        double largest = whole.Max(v => v.Magnitude);
        Assert.True(largest > 0);
        for (int i = 0; i < whole.Length; i++)
        {
            Assert.InRange((back[i] - whole[i]).Magnitude, 0, 1e-4 * largest);
        }
    }

    /// <summary>
    /// The co-polarized scattering cross section of circularly polarized light inside the cone θ ≤ asin(NA/n):
    /// 2π ∫ |S1 + cos θ·S2|²/(4k²) sin θ dθ (the part of C_sca that interferes with the illumination; the
    /// cross-polarized rest |S1 − cos θ·S2|² is dropped by a scalar model), by 200-point Gauss–Legendre quadrature.
    /// </summary>
    private static double CoPolarizedScattering(MieSphere sphere, double na)
    {
        double top = Math.Asin(na / sphere.MediumIndex);
        var rule = GaussLegendre.Get(200);
        double sum = 0;
        for (int i = 0; i < rule.Order; i++)
        {
            double theta = 0.5 * top * (rule.Nodes[i] + 1);
            var s = sphere.Solution.Amplitudes(Math.Cos(theta));
            Complex co = s.S1 + (Math.Cos(theta) * s.S2);
            sum += rule.Weights[i] * 0.5 * top * co.Magnitude * co.Magnitude * Math.Sin(theta);
        }

        double k = sphere.WavenumberPerNm;
        return 2 * Math.PI * sum / (4 * k * k);
    }
}
