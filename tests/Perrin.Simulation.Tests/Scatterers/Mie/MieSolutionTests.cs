using System.Numerics;
using Perrin.Simulation.Scatterers.Mie;
using static Perrin.Simulation.Tests.Scatterers.Mie.WiscombeReferenceTests;

namespace Perrin.Simulation.Tests.Scatterers.Mie;

public class MieSolutionTests
{
    private static readonly double BohrenHuffmanX = 2 * Math.PI * 0.525 / 0.6328;

    [Fact]
    public void BohrenHuffmanSampleMatchesBhmie()
    {
        // Bohren & Huffman (1983), Appendix A, BHMIE sample output: r = 0.525 µm, λ = 0.6328 µm, m = 1.55:
        // QSCA = QEXT = 3.10543, QBACK = 2.92534. g = 0.63314 from miepython's test_03_bh_dielectric.
        // Tolerance: half a unit of the last printed digit.
        var q = MieSolution.Compute(new Complex(1.55, 0), BohrenHuffmanX).Efficiencies;
        Assert.Equal(3.10543, q.Extinction, 5e-6);
        Assert.Equal(3.10543, q.Scattering, 5e-6);
        Assert.Equal(2.92534, q.Backscattering, 5e-6);
        Assert.Equal(0.63314, q.Asymmetry, 5e-6);
    }

    [Fact]
    public void AbsorbingBohrenHuffmanSphereMatchesMiepython()
    {
        // miepython tests/test_nojit.py, test_04_non_dielectric (m = 1.55 − 0.1i in its convention), 1e-7.
        var q = MieSolution.Compute(new Complex(1.55, 0.1), BohrenHuffmanX).Efficiencies;
        Assert.Equal(2.86165188243, q.Extinction, 1e-9);
        Assert.Equal(1.66424911991, q.Scattering, 1e-9);
        Assert.Equal(0.20599534080, q.Backscattering, 1e-9);
        Assert.Equal(0.80128972639, q.Asymmetry, 1e-9);
        Assert.Equal(2.86165188243 - 1.66424911991, q.Absorption, 1e-9);
    }

    [Fact]
    public void ModeratelyAbsorbingSphereMatchesMiepython()
    {
        // miepython tests/test_nojit.py, test_09_single_nonmagnetic (m = 1.5 − 0.5i, x = 2.5), 1e-7.
        var q = MieSolution.Compute(new Complex(1.5, 0.5), 2.5).Efficiencies;
        Assert.Equal(2.562873497454734, q.Extinction, 1e-9);
        Assert.Equal(1.097071819088392, q.Scattering, 1e-9);
        Assert.Equal(0.123586468179818, q.Backscattering, 1e-9);
        Assert.Equal(0.748905978948507, q.Asymmetry, 1e-9);
    }

    [Theory]
    // MIEV0 perfectly conducting cases 1–4 (m = 0 in MIEV0): Q_ext = Q_sca and g·Q_sca, from Wiscombe's test
    // driver as tabulated in mieQvalsTest.m of C. Mätzler's MATLAB Mie functions; g agrees with miepython's.
    [InlineData(0.099, 3.209674e-4, -1.275386e-4, 1e-4)]
    [InlineData(0.101, 3.477160e-4, -1.381344e-4, 2e-5)]
    [InlineData(100, 2.008102, 1.005911, 2e-6)]
    [InlineData(10000, 2.000289, 1.000284, 2e-6)]
    public void PerfectConductorMatchesMiev0(double x, double qSca, double gQSca, double tolerance)
    {
        // Below x = 0.1 MIEV0 uses its small-particle expansion, whose error is of order x⁴/2 ≈ 5e-5.
        var q = MieSolution.PerfectConductor(x).Efficiencies;
        AssertRelative(qSca, q.Extinction, tolerance);
        AssertRelative(qSca, q.Scattering, tolerance);
        AssertRelative(gQSca, q.Asymmetry * q.Scattering, tolerance);
    }

    [Theory]
    [InlineData(1.5, 0, 1e-3)]
    [InlineData(1.33, 0, 1e-2)]
    [InlineData(1.5, 0.1, 1e-3)]
    [InlineData(0.75, 0, 3e-3)]
    [InlineData(1.5, 0.1, 1e-5)]
    [InlineData(1.33, 0, 1e-6)]
    public void RayleighLimitScattersLikeADipole(double n, double kappa, double x)
    {
        // Bohren & Huffman eq. 5.8: Q_sca → (8/3) x⁴ |(m²−1)/(m²+2)|², corrections of order x².
        var m = new Complex(n, kappa);
        var k = (m * m - 1) / (m * m + 2);
        var q = MieSolution.Compute(m, x).Efficiencies;
        double rayleigh = 8.0 / 3 * Math.Pow(x, 4) * k.Magnitude * k.Magnitude;
        Assert.True(Math.Abs(q.Scattering / rayleigh - 1) < 4 * x * x, $"{q.Scattering} vs {rayleigh}");
        Assert.True(Math.Abs(q.Asymmetry) < x * x);
    }

    [Fact]
    public void SmallGoldSphereAbsorbsLikeADipole()
    {
        // Gold at 532 nm (n ≈ 0.54 + 2.14i, Johnson & Christy 1972) in water: B&H eq. 5.11, Q_abs ≈ 4x Im K with
        // K = (m²−1)/(m²+2); x = 0.01 (a 0.6 nm sphere), corrections of order x² |m|² ≈ 3e-4.
        var m = new Complex(0.54, 2.14) / 1.33;
        double x = 0.01;
        var k = (m * m - 1) / (m * m + 2);
        var q = MieSolution.Compute(m, x).Efficiencies;
        AssertRelative(4 * x * k.Imaginary, q.Absorption, 1e-3);
        Assert.True(q.Scattering < 1e-4 * q.Absorption);
    }

    [Theory]
    [InlineData(1.5, 0, 3000)]
    [InlineData(1.33, 0.05, 5000)]
    [InlineData(0.54, 2.14, 2000)]
    public void LargeSphereExtinctionApproachesTwo(double n, double kappa, double x)
    {
        // The extinction paradox: Q_ext = 2 + c x^(-2/3) with c of order one, depending on m (van de Hulst 1957,
        // §12.32; ≈ 2 for real m); a tenfold larger x must bring Q_ext ~4.6 times closer to 2.
        var near = MieSolution.Compute(new Complex(n, kappa), x).Efficiencies.Extinction;
        var far = MieSolution.Compute(new Complex(n, kappa), 10 * x).Efficiencies.Extinction;
        Assert.True(Math.Abs(near - 2) < 4 * Math.Pow(x, -2.0 / 3), $"Q_ext = {near}");
        Assert.True(Math.Abs(far - 2) < Math.Abs(near - 2) / 3, $"Q_ext = {far} at 10x");
    }

    [Theory]
    [InlineData(1.5, 0, 1000)]
    [InlineData(1.33, 0, 1e-3)]
    [InlineData(1.1, 0, 30)]
    [InlineData(2, 0, 250)]
    public void NonAbsorbingSphereConservesEnergy(double n, double kappa, double x)
    {
        var q = MieSolution.Compute(new Complex(n, kappa), x).Efficiencies;
        Assert.True(Math.Abs(q.Absorption) <= 1e-10 * q.Scattering, $"Q_abs = {q.Absorption}");
    }

    [Theory]
    [InlineData(1500, 0)]
    [InlineData(13.3, 0.5)]
    [InlineData(200, 20)]
    [InlineData(1330, 0.0133)]
    [InlineData(0.001, 0)]
    public void LogarithmicDerivativeStartsFarEnoughOut(double re, double im)
    {
        // D_0(z) = cot z exactly. Bohren & Huffman's start, max(n_max, |z|) + 15, gives D_0 27% off at z = 1500.
        var z = new Complex(re, im);
        var d = new Complex[MieCoefficients.OrderCount(re / 1.5) + 1];
        MieCoefficients.LogDerivative(z, d);
        var cot = Complex.Cos(z) / Complex.Sin(z);
        Assert.True(Complex.Abs(d[0] - cot) <= 1e-11 * Complex.Abs(cot), $"{d[0]} vs {cot}");
    }

    [Fact]
    public void OrderCountFollowsWiscombe()
    {
        Assert.Equal(20, MieCoefficients.OrderCount(10));
        Assert.Equal(120, MieCoefficients.OrderCount(100));
        Assert.Equal(1042, MieCoefficients.OrderCount(1000));
        Assert.Equal(2, MieCoefficients.OrderCount(1e-3));
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MieSolution.Compute(new Complex(1.5, -0.1), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MieSolution.Compute(new Complex(double.NaN, 0), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MieSolution.Compute(Complex.Zero, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MieSolution.Compute(new Complex(1.5, 0), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MieSolution.Compute(new Complex(1.5, 0), double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => MieSolution.Compute(new Complex(1.5, 0), 2e5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MieSolution.Compute(new Complex(0, 1e10), 1));
        var solution = MieSolution.Compute(new Complex(1.5, 0), 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => solution.Amplitudes(1.0000001));
        Assert.Throws<ArgumentOutOfRangeException>(() => solution.Amplitudes(double.NaN));
    }
}
