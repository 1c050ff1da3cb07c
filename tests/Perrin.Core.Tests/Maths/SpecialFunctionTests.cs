using Perrin.Core.Maths;

namespace Perrin.Core.Tests.Maths;

public sealed class SpecialFunctionTests
{
    // Reference values from A&S tables 7.1 and 9.1 and from mpmath at 30 digits.
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.1, 0.1124629160182849)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(2.5, 0.9995930479825550)]
    [InlineData(-1.5, -0.9661051464753108)]
    public void ErfMatchesReferenceValues(double x, double expected) =>
        Assert.Equal(expected, ErrorFunction.Erf(x), 1e-15);

    [Theory]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(3.0, 2.209049699858544e-05)]
    [InlineData(5.0, 1.5374597944280349e-12)]
    [InlineData(10.0, 2.0884875837625447e-45)]
    [InlineData(-2.0, 1.9953222650189527)]
    public void ErfcMatchesReferenceValuesToRelativeAccuracy(double x, double expected) =>
        Assert.Equal(expected, ErrorFunction.Erfc(x), Math.Abs(expected) * 1e-13);

    [Fact]
    public void ErfDifferenceKeepsPrecisionInTheTail() =>
        Assert.Equal(1.5374597944280349e-12 - 2.0884875837625447e-45, ErrorFunction.Difference(5.0, 10.0), 1e-25);

    [Theory]
    [InlineData(1.0, 0.44005058574493352)]
    [InlineData(3.8317059702075123, 0.0)]
    [InlineData(7.0155866698156187, 0.0)]
    [InlineData(2.5, 0.49709410246427494)]
    [InlineData(11.9, -0.22898324966192406)]
    [InlineData(12.1, -0.21574897337692481)]
    [InlineData(30.0, -0.11875106261662294)]
    [InlineData(100.0, -0.077145352014112158)]
    [InlineData(-1.0, -0.44005058574493352)]
    public void J1MatchesReferenceValues(double x, double expected) =>
        Assert.Equal(expected, Bessel.J1(x), 1e-11);

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.76519768655796655)]
    [InlineData(2.4048255576957728, 0.0)]
    [InlineData(30.0, -0.086367983581040226)]
    public void J0MatchesReferenceValues(double x, double expected) =>
        Assert.Equal(expected, Bessel.J0(x), 1e-11);

    [Fact]
    public void SeriesAndAsymptoticFormsAgreeAtTheSwitch()
    {
        // J0' = −J1: a central difference straddling x = 12 only matches if both forms agree there.
        const double h = 1e-4;
        Assert.Equal(-Bessel.J1(12.0), (Bessel.J0(12.0 + h) - Bessel.J0(12.0 - h)) / (2 * h), 1e-8);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(20)]
    public void GaussLegendreIntegratesPolynomialsExactly(int order)
    {
        var rule = GaussLegendre.Get(order);
        for (int degree = 0; degree < 2 * order; degree++)
        {
            double sum = 0;
            for (int i = 0; i < order; i++)
            {
                sum += rule.Weights[i] * Math.Pow(rule.Nodes[i], degree);
            }

            double expected = degree % 2 == 1 ? 0.0 : 2.0 / (degree + 1);
            Assert.Equal(expected, sum, 1e-13);
        }
    }

    [Fact]
    public void DifferenceGivesTheStandardNormalIntervalProbability()
    {
        // P(|Z| < 1/2) for a standard normal Z, from CPython's math.erf(0.5 / sqrt(2)).
        Assert.Equal(0.3829249225480262, 0.5 * ErrorFunction.Difference(-0.5 / Math.Sqrt(2), 0.5 / Math.Sqrt(2)), 1e-15);

        // Far tail: erfc(5) − erfc(6) must keep its digits where erf(6) − erf(5) would lose them.
        Assert.Equal(1.5374597944280351e-12 - 2.1519736712498916e-17, ErrorFunction.Difference(5, 6), 1e-25);
    }
}
