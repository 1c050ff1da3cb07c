using Perrin.Simulation.Labels;

namespace Perrin.Simulation.Tests.Labels;

public class ErrorFunctionTests
{
    // Reference values: CPython math.erf / math.erfc (correctly rounded to the printed digits).
    [Theory]
    [InlineData(0.1, 0.1124629160182849)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(-1.0, -0.8427007929497149)]
    [InlineData(0.0, 0.0)]
    public void ErfMatchesReferenceValues(double x, double expected) =>
        Assert.Equal(expected, ErrorFunction.Erf(x), 1e-15);

    [Theory]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(5.0, 1.5374597944280351e-12)]
    [InlineData(-1.0, 1.842700792949715)]
    public void ErfcMatchesReferenceValuesToRelativePrecision(double x, double expected) =>
        Assert.True(Math.Abs(ErrorFunction.Erfc(x) - expected) <= 1e-13 * expected, $"erfc({x}) = {ErrorFunction.Erfc(x):R}");

    [Fact]
    public void ErfIsContinuousWhereTheMethodsMeet()
    {
        var below = ErrorFunction.Erfc(Math.BitDecrement(2.5));
        var at = ErrorFunction.Erfc(2.5);
        Assert.True(Math.Abs(below - at) <= 1e-15, $"{below:R} vs {at:R}");
    }

    [Fact]
    public void NormalIntervalOverTheCentralPixelIsErfOfHalfOverRootTwo() =>
        Assert.Equal(0.3829249225480262, ErrorFunction.NormalInterval(-0.5, 0.5), 1e-15);
}
