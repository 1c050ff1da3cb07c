using Perrin.Analysis.Plots;
using Perrin.Core.IO.Png;

namespace Perrin.Analysis.Tests.Plots;

public sealed class RasterCanvasTests
{
    [Fact]
    public void AOnePixelLineCoversItsRowAndLeavesItsNeighboursWhite()
    {
        var canvas = new RasterCanvas(12, 10);
        canvas.Line(2, 5.5, 8, 5.5, "black");

        for (var x = 0; x < 12; x++)
        {
            // Pixels 2 … 7 lie under the line; the centres of 1 and 8 are half a pixel beyond its ends.
            var expected = x is >= 2 and < 8 ? (byte)0 : x is 1 or 8 ? (byte)128 : (byte)255;
            Assert.Equal((expected, expected, expected), canvas[x, 5]);
            Assert.Equal(((byte)255, (byte)255, (byte)255), canvas[x, 4]);
            Assert.Equal(((byte)255, (byte)255, (byte)255), canvas[x, 6]);
        }
    }

    [Fact]
    public void APixelHalfCoveredBlendsHalfWay()
    {
        var canvas = new RasterCanvas(10, 10);
        canvas.Line(0, 5, 10, 5, "#ff0000");

        // Row 4's centres lie 0.5 px from the line, as do row 5's: both get half of the red.
        Assert.Equal(((byte)255, (byte)128, (byte)128), canvas[3, 4]);
        Assert.Equal(((byte)255, (byte)128, (byte)128), canvas[3, 5]);
        Assert.Equal(((byte)255, (byte)255, (byte)255), canvas[3, 3]);
    }

    [Fact]
    public void PolylinesSkipNonFinitePointsAndBlendByOpacity()
    {
        var canvas = new RasterCanvas(20, 20);
        canvas.Polyline([1, 5, double.NaN, 15], [2.5, 2.5, 9, 2.5], "#0000ff", 1, 0.5);

        Assert.Equal(((byte)128, (byte)128, (byte)255), canvas[3, 2]);
        Assert.Equal(((byte)128, (byte)128, (byte)255), canvas[10, 2]);
        Assert.Equal(((byte)255, (byte)255, (byte)255), canvas[5, 9]);
    }

    [Fact]
    public void TextLeavesTheImageUntouchedAndBadColoursAreRefused()
    {
        var canvas = new RasterCanvas(8, 8);
        canvas.Text(4, 4, "loss", 30);

        Assert.All(canvas.ToImage().Samples, s => Assert.Equal(255, s));
        Assert.Throws<ArgumentException>(() => canvas.Line(0, 0, 1, 1, "red"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RasterCanvas(0, 8));
    }

    [Fact]
    public void SavesAnRgbPngThatReadsBackExactly()
    {
        var canvas = new RasterCanvas(9, 7);
        canvas.Line(0, 0, 9, 7, "#4a7fb5", 2);
        var path = Path.Combine(Path.GetTempPath(), $"perrin-raster-{Guid.NewGuid():N}.png");
        try
        {
            canvas.Save(path);
            var image = PngReader.Read(path);

            Assert.Equal((9, 7, PngColor.Rgb, 8), (image.Width, image.Height, image.Color, image.BitDepth));
            Assert.Equal(canvas.ToImage().Samples, image.Samples);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
