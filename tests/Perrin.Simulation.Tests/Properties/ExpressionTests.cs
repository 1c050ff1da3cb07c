using Perrin.Simulation.Properties;
using Perrin.Simulation.Properties.Expressions;

namespace Perrin.Simulation.Tests.Properties;

public class ExpressionTests
{
    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("10 / 4 / 2", 1.25)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("-2^2", -4)]
    [InlineData("(-2)^2", 4)]
    [InlineData("2^3^2", 512)]
    [InlineData("2^-1", 0.5)]
    [InlineData("--3", 3)]
    [InlineData("+3 - -3", 6)]
    [InlineData("2 × 3 − 1 ÷ 4", 5.75)]
    [InlineData("1.5e3 + .5 + 2E-1", 1500.7)]
    [InlineData("sqrt(16) + abs(-3)", 7)]
    [InlineData("min(3, 1, 2) + max(1, 5)", 6)]
    [InlineData("exp(log(5))", 5)]
    [InlineData("sin(pi / 2) + cos(0)", 2)]
    [InlineData("2 * pi", 2 * Math.PI)]
    [InlineData("erf(0.5) + erf(-0.5) + erf(0)", 0)]
    [InlineData("erf(1)", 0.8427007929497149)]
    public void ArithmeticFollowsTheUsualPrecedence(string text, double expected)
    {
        Assert.Equal(expected, Expression.Parse(text).Evaluate([]), 12);
    }

    [Fact]
    public void ReferencesAreListedOnceInOrderOfUse()
    {
        var expression = Expression.Parse("0.21 * optics.wavelength_nm / optics.na + optics.na * sample[0].photons - psf.zernike.5");

        Assert.Equal(["optics.wavelength_nm", "optics.na", "sample[0].photons", "psf.zernike.5"], expression.References);
        Assert.Equal((0.21 * 680 / 1.4) + (1.4 * 1000) - 0.5, expression.Evaluate([680, 1.4, 1000, 0.5]), 12);
    }

    [Theory]
    [InlineData("", "the expression is empty")]
    [InlineData("1 +", "a number, a name, a function or '(' was expected at the end of the expression")]
    [InlineData("(1 + 2", "')' was expected at the end of the expression")]
    [InlineData("1 2", "an operator or the end of the expression was expected at character 3")]
    [InlineData("1 $ 2", "unexpected character '$' at character 3 of the expression")]
    [InlineData("foo(2)", "unknown function 'foo' at character 1 of the expression; known: sqrt, exp, log, sin, cos, abs, erf, min, max (and the constant pi)")]
    [InlineData("sqrt(1, 2)", "sqrt at character 1 of the expression takes 1 argument, not 2")]
    [InlineData("max(1)", "max at character 1 of the expression takes at least 2 arguments, not 1")]
    [InlineData("2 * sqrt", "the function sqrt at character 5 of the expression needs its argument in parentheses")]
    [InlineData("sample[x].y", "an index in brackets, such as [0], was expected at character 7 of the expression")]
    [InlineData("1..2", "'1..2' at character 1 of the expression is not a number")]
    public void BadExpressionsSayWhatWasExpectedWhere(string text, string problem)
    {
        var error = Assert.Throws<PropertyException>(() => Expression.Parse(text));
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void NestingIsBounded()
    {
        var deep = new string('(', 200) + "1" + new string(')', 200);
        Assert.Equal("the expression nests deeper than 64 levels", Assert.Throws<PropertyException>(() => Expression.Parse(deep)).Problem);
        Assert.Equal(1, Expression.Parse(new string('(', 20) + "1" + new string(')', 20)).Evaluate([]));
    }

    [Fact]
    public void ArithmeticWithoutAValueGivesNaNOrInfinity()
    {
        Assert.True(double.IsNaN(Expression.Parse("sqrt(-1)").Evaluate([])));
        Assert.True(double.IsPositiveInfinity(Expression.Parse("1 / 0").Evaluate([])));
    }
}
