using Perrin.Simulation.Labels;

namespace Perrin.Simulation.Tests.Labels;

public class LabelGridTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void EveryBinCoversItsHalfOpenInterval(int k)
    {
        const int pixels = 5;
        var bins = pixels * k;
        for (var i = 0; i < bins; i++)
        {
            var left = -0.5 + ((double)i / k);
            var right = -0.5 + ((double)(i + 1) / k);
            AssertBin(left, k, bins, i);
            AssertBin(Math.BitIncrement(left), k, bins, i);
            AssertBin(0.5 * (left + right), k, bins, i);
            AssertBin(Math.BitDecrement(right), k, bins, i);
        }

        Assert.False(LabelGrid.TryBin(Math.BitDecrement(-0.5), k, bins, out _));
        Assert.False(LabelGrid.TryBin(pixels - 0.5, k, bins, out _));
    }

    [Fact]
    public void PositionJustBelowAHalfGoesToTheLowerPixelDespiteRounding()
    {
        // 0.49999999999999994 + 0.5 rounds to 1.0 in double arithmetic.
        AssertBin(0.49999999999999994, 1, 3, 0);
        AssertBin(0.5, 1, 3, 1);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e300)]
    [InlineData(-1e300)]
    public void NonFiniteAndHugePositionsHaveNoBin(double x) => Assert.False(LabelGrid.TryBin(x, 8, 80, out _));

    [Fact]
    public void WindowIsClippedToTheImage()
    {
        Assert.True(LabelGrid.Window(1.2, 2, 10, out var lo, out var hi));
        Assert.Equal((0, 3), (lo, hi));
        Assert.True(LabelGrid.Window(9.5, 1, 10, out lo, out hi));
        Assert.Equal((9, 9), (lo, hi));
        Assert.False(LabelGrid.Window(12, 2, 10, out _, out _));
        Assert.False(LabelGrid.Window(double.NaN, 2, 10, out _, out _));
    }

    private static void AssertBin(double x, int k, int bins, int expected)
    {
        Assert.True(LabelGrid.TryBin(x, k, bins, out var bin), $"x = {x:R} has no bin at k = {k}");
        Assert.Equal(expected, bin);
    }
}
