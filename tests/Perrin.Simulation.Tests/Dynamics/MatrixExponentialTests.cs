using Perrin.Simulation.Dynamics;

namespace Perrin.Simulation.Tests.Dynamics;

public sealed class MatrixExponentialTests
{
    [Theory]
    [InlineData(30, 5, 0.02)]
    [InlineData(30, 5, 10)]
    [InlineData(1e-3, 2e-3, 0.5)]
    public void TwoStateGeneratorMatchesTheClosedForm(double a, double b, double t)
    {
        // Q = [[−a, a], [b, −b]]: exp(Qt) = stationary part + (I − stationary part)·e^(−(a+b)t), with rows of the
        // stationary part (b, a)/(a+b).
        var p = MatrixExponential.Compute(new[,] { { -a * t, a * t }, { b * t, -b * t } });
        var s = a + b;
        var e = Math.Exp(-s * t);
        Assert.Equal((b / s) + (a / s * e), p[0, 0], 13);
        Assert.Equal(a / s * (1 - e), p[0, 1], 13);
        Assert.Equal(b / s * (1 - e), p[1, 0], 13);
        Assert.Equal((a / s) + (b / s * e), p[1, 1], 13);
    }

    [Fact]
    public void DiagonalNilpotentAndRotationMatricesHaveKnownExponentials()
    {
        var d = MatrixExponential.Compute(new double[,] { { 1, 0, 0 }, { 0, -2, 0 }, { 0, 0, 3 } });
        Assert.Equal(Math.E, d[0, 0], 13);
        Assert.Equal(Math.Exp(-2), d[1, 1], 13);
        Assert.Equal(Math.Exp(3), d[2, 2], 11);
        Assert.Equal(0, d[0, 2], 13);

        var n = MatrixExponential.Compute(new double[,] { { 0, 5 }, { 0, 0 } });
        Assert.Equal(5, n[0, 1], 13);
        Assert.Equal(1, n[0, 0], 13);
        Assert.Equal(0, n[1, 0], 13);

        const double theta = 7.3;
        var r = MatrixExponential.Compute(new double[,] { { 0, -theta }, { theta, 0 } });
        Assert.Equal(Math.Cos(theta), r[0, 0], 12);
        Assert.Equal(-Math.Sin(theta), r[0, 1], 12);
        Assert.Equal(Math.Sin(theta), r[1, 0], 12);
    }

    [Fact]
    public void RejectsNonSquareAndNonFiniteMatrices()
    {
        Assert.Throws<ArgumentException>(() => MatrixExponential.Compute(new double[2, 3]));
        Assert.Throws<ArgumentException>(() => MatrixExponential.Compute(new[,] { { double.NaN } }));
    }
}
