using System.Numerics;
using Perrin.Simulation.Scatterers.Mie;

namespace Perrin.Simulation.Tests.Scatterers.Mie;

public class MieAmplitudeTests
{
    public static TheoryData<double, double, double> Spheres => new()
    {
        { 1.59 / 1.33, 0, 5.3 },
        { 1.5, 1, 1 },
        { 0.54 / 1.33, 2.14 / 1.33, 0.7 },
        { 1.33, 1e-5, 100 },
        { 10, 10, 30 },
    };

    [Theory]
    [MemberData(nameof(Spheres))]
    public void ForwardAmplitudesAgreeAndObeyTheOpticalTheorem(double n, double kappa, double x)
    {
        // S1(0) = S2(0) and C_ext = (4π/k²) Re S(0), i.e. Q_ext = 4 Re S(0)/x² (Bohren & Huffman eq. 4.76).
        // S comes from the π_n, τ_n recurrence, Q_ext from the coefficient sum: two separate paths.
        var solution = MieSolution.Compute(new Complex(n, kappa), x);
        var s = solution.Amplitudes(1);
        Assert.True(Complex.Abs(s.S1 - s.S2) <= 1e-13 * Complex.Abs(s.S1));
        Assert.Equal(solution.Efficiencies.Extinction, 4 * s.S1.Real / (x * x), 1e-12 * solution.Efficiencies.Extinction);
    }

    [Theory]
    [MemberData(nameof(Spheres))]
    public void BackwardAmplitudeGivesTheBackscatteringEfficiency(double n, double kappa, double x)
    {
        // S2(π) = −S1(π) and Q_back = 4|S1(π)|²/x² (Bohren & Huffman eq. 4.82).
        var solution = MieSolution.Compute(new Complex(n, kappa), x);
        var s = solution.Amplitudes(-1);
        Assert.True(Complex.Abs(s.S1 + s.S2) <= 1e-12 * Complex.Abs(s.S1));
        double qBack = 4 * Complex.Abs(s.S1) * Complex.Abs(s.S1) / (x * x);
        Assert.Equal(solution.Efficiencies.Backscattering, qBack, 1e-11 * qBack);
    }

    [Theory]
    [MemberData(nameof(Spheres))]
    public void PhaseFunctionIsNormalizedAndItsMeanCosineIsG(double n, double kappa, double x)
    {
        // |S1|² + |S2|² is a polynomial of degree 2N in cos θ, so Gauss–Legendre with N + 1 nodes is exact.
        var solution = MieSolution.Compute(new Complex(n, kappa), x);
        var (nodes, weights) = GaussLegendre.Rule(solution.OrderCount + 1);
        double total = 0, moment = 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            double p = 2 * Math.PI * weights[i] * solution.PhaseFunction(nodes[i]);
            total += p;
            moment += p * nodes[i];
        }

        Assert.Equal(1, total, 1e-10);
        Assert.Equal(solution.Efficiencies.Asymmetry, moment, 1e-10);
    }

    [Fact]
    public void ManyAnglesAtOnceMatchOneAtATime()
    {
        var solution = MieSolution.Compute(new Complex(1.2, 0.01), 12);
        var mu = new double[101];
        for (int i = 0; i < mu.Length; i++)
        {
            mu[i] = Math.Cos(Math.PI * i / 100);
        }

        var s1 = new Complex[mu.Length];
        var s2 = new Complex[mu.Length];
        solution.Amplitudes(mu, s1, s2);
        for (int i = 0; i < mu.Length; i++)
        {
            var single = solution.Amplitudes(mu[i]);
            Assert.Equal(single.S1, s1[i]);
            Assert.Equal(single.S2, s2[i]);
        }

        Assert.Throws<ArgumentException>(() => solution.Amplitudes(mu, new Complex[100], s2));
    }

    [Fact]
    public void SmallSphereScattersAsADipole()
    {
        // Rayleigh: S1 = (3/2) a_1, S2 = (3/2) a_1 cos θ with a_1 ≈ −(2i/3) x³ (m²−1)/(m²+2) (B&H eq. 5.2):
        // S1(θ) ≈ −i x³ K at every angle, to O(x²).
        var m = new Complex(1.5, 0.1);
        double x = 1e-3;
        var k = (m * m - 1) / (m * m + 2);
        var expected = new Complex(0, -1) * Math.Pow(x, 3) * k;
        var solution = MieSolution.Compute(m, x);
        foreach (var mu in new[] { 1.0, 0.3, -0.8 })
        {
            var s = solution.Amplitudes(mu);
            Assert.True(Complex.Abs(s.S1 - expected) < 1e-5 * Complex.Abs(expected));
            Assert.True(Complex.Abs(s.S2 - mu * expected) < 1e-5 * Complex.Abs(expected));
        }
    }
}
