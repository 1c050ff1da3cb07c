using Perrin.Core.Maths;
using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Tests.Optics;

public sealed class ZernikeTests
{
    // Noll (1976), Table I: j → (n, m), negative m for the sine terms.
    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(2, 1, 1)]
    [InlineData(3, 1, -1)]
    [InlineData(4, 2, 0)]
    [InlineData(5, 2, -2)]
    [InlineData(6, 2, 2)]
    [InlineData(7, 3, -1)]
    [InlineData(8, 3, 1)]
    [InlineData(9, 3, -3)]
    [InlineData(10, 3, 3)]
    [InlineData(11, 4, 0)]
    [InlineData(12, 4, 2)]
    [InlineData(13, 4, -2)]
    [InlineData(14, 4, 4)]
    [InlineData(15, 4, -4)]
    [InlineData(22, 6, 0)]
    public void NollIndicesMapToTheStandardTable(int j, int n, int m) => Assert.Equal((n, m), Zernike.NollToNm(j));

    [Fact]
    public void KnownPolynomials()
    {
        // Z4 = √3(2ρ² − 1), Z6 = √6 ρ² cos 2θ, Z11 = √5(6ρ⁴ − 6ρ² + 1).
        Assert.Equal(Math.Sqrt(3) * ((2 * 0.49) - 1), Zernike.Evaluate(4, 0.7, 1.0), 1e-13);
        Assert.Equal(Math.Sqrt(6) * 0.49 * Math.Cos(2.0), Zernike.Evaluate(6, 0.7, 1.0), 1e-13);
        Assert.Equal(Math.Sqrt(5) * ((6 * 0.7 * 0.7 * 0.7 * 0.7) - (6 * 0.49) + 1), Zernike.Evaluate(11, 0.7, 1.0), 1e-13);
    }

    [Fact]
    public void TheFirstTwentyOneAreOrthonormalOverTheDisc()
    {
        // (1/π)∫∫ Z_i Z_j ρ dρ dθ = δ_ij: Gauss–Legendre in ρ (exact for these polynomial degrees) and a uniform
        // rule in θ (exact for trigonometric degree below the sample count).
        const int count = 21;
        var radial = GaussLegendre.Get(16);
        const int angles = 32;
        var gram = new double[count, count];
        for (int r = 0; r < radial.Order; r++)
        {
            double rho = 0.5 * (radial.Nodes[r] + 1);
            double weight = 0.5 * radial.Weights[r] * rho * (2 * Math.PI / angles) / Math.PI;
            for (int a = 0; a < angles; a++)
            {
                double theta = 2 * Math.PI * a / angles;
                var z = new double[count];
                for (int j = 0; j < count; j++)
                {
                    z[j] = Zernike.Evaluate(j + 1, rho, theta);
                }

                for (int i = 0; i < count; i++)
                {
                    for (int j = 0; j < count; j++)
                    {
                        gram[i, j] += weight * z[i] * z[j];
                    }
                }
            }
        }

        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < count; j++)
            {
                Assert.Equal(i == j ? 1.0 : 0.0, gram[i, j], 1e-12);
            }
        }
    }

    [Fact]
    public void OutOfRangeIndicesAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Zernike.NollToNm(0));
        Assert.Throws<ArgumentException>(() => new ZernikeTerm(Zernike.MaxNoll + 1, 10));
        Assert.Throws<ArgumentException>(() => new ZernikeTerm(4, double.NaN));
    }
}
