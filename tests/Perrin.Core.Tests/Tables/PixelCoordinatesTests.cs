using FsCheck;
using FsCheck.Fluent;
using Perrin.Core.Tables;

namespace Perrin.Core.Tests.Tables;

public class PixelCoordinatesTests
{
    /// <summary>
    /// Bound on |pixel→nm→pixel − x|: each of the four roundings errs by at most half an ulp of a quantity no larger
    /// than about |x| + 0.5 (relative to the pixel), so 4 ulp of |x| + 0.5 holds.
    /// </summary>
    public static double PixelTolerance(double x) => 4 * Ulp(Math.Abs(x) + 0.5);

    /// <summary>The same bound for nm→pixel→nm, where half a pixel is px/2 nanometres.</summary>
    public static double NanometreTolerance(double x, double pixelSizeNm) => 4 * Ulp(Math.Abs(x) + (pixelSizeNm / 2));

    private static double Ulp(double x) => Math.BitIncrement(x) - x;

    [Theory]
    [InlineData(0.0, 100.0, 50.0)]
    [InlineData(12.25, 100.0, 1275.0)]
    [InlineData(-0.5, 100.0, 0.0)]
    [InlineData(511.5, 160.0, 81920.0)]
    [InlineData(3.0, 107.5, 376.25)]
    public void HandComputedValuesConvertExactlyBothWays(double pixels, double pixelSizeNm, double nanometres)
    {
        Assert.Equal(nanometres, PixelCoordinates.ToNanometres(pixels, pixelSizeNm));
        Assert.Equal(pixels, PixelCoordinates.ToPixels(nanometres, pixelSizeNm));
    }

    [Fact]
    public void EveryPixelCentreAndCornerOfALargeGridMapsExactly()
    {
        foreach (var px in new[] { 100.0, 65.0, 107.5, 160.0, 6.5, 117.0 })
        {
            for (var k = -2048; k <= 65536; k += 3)
            {
                Assert.Equal(k, PixelCoordinates.ToPixels((k + 0.5) * px, px));
                Assert.Equal((k + 0.5) * px, PixelCoordinates.ToNanometres(k, px));
                Assert.Equal(k - 0.5, PixelCoordinates.ToPixels(k * px, px));
            }
        }
    }

    [Fact]
    public void PixelToNanometreToPixelStaysWithinFourUlp()
    {
        var cases = from x in Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 997.0 + Math.Pow(10, -(i % 12)))
                    from px in Gen.Choose(1, 1_000_000).Select(i => i / 1000.0)
                    select (x, px);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var back = PixelCoordinates.ToPixels(PixelCoordinates.ToNanometres(c.x, c.px), c.px);
            return Math.Abs(back - c.x) <= PixelTolerance(c.x);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void NanometreToPixelToNanometreStaysWithinFourUlp()
    {
        var cases = from x in Gen.Choose(-1_000_000, 1_000_000).Select(i => i * 10.3 + Math.Pow(10, -(i % 9)))
                    from px in Gen.Choose(1, 1_000_000).Select(i => i / 1000.0)
                    select (x, px);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var back = PixelCoordinates.ToNanometres(PixelCoordinates.ToPixels(c.x, c.px), c.px);
            return Math.Abs(back - c.x) <= NanometreTolerance(c.x, c.px);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void UnusablePixelSizesAreRefused(double pixelSizeNm)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalizationTable([], LocalizationColumns.None, pixelSizeNm));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrackpyCsv.Write(TextWriter.Null, new LocalizationTable([], LocalizationColumns.None), pixelSizeNm));
    }
}
