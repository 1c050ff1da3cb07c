using System.Globalization;
using System.Xml.Linq;
using Perrin.Analysis.Plots;

namespace Perrin.Analysis.Tests.Plots;

public sealed class LossCurvePlotTests
{
    private static readonly LossCurve Curve = new([100, 200, 300], [0.5, 0.05, 0.02], [0.6, double.NaN, 0.03]);

    private static IEnumerable<XElement> WithClass(XDocument doc, string cssClass) =>
        doc.Descendants().Where(e => (string?)e.Attribute("class") == cssClass);

    [Fact]
    public void SvgHasBothCurvesOnALogLossAxisWithLabelledAxes()
    {
        var doc = XDocument.Parse(LossCurvePlot.Svg(Curve).ToXml());

        Assert.Equal(3, ((string)Assert.Single(WithClass(doc, "training")).Attribute("points")!).Split(' ').Length);
        Assert.Equal(2, ((string)Assert.Single(WithClass(doc, "validation")).Attribute("points")!).Split(' ').Length);
        Assert.Equal(6, WithClass(doc, "training-mark").Count());
        Assert.Equal(4, WithClass(doc, "validation-mark").Count());
        Assert.Equal(["step", "loss"], WithClass(doc, "axis-title").Select(e => e.Value));
        var labels = WithClass(doc, "tick-label").Select(e => e.Value).ToList();
        Assert.Contains("0.01", labels);
        Assert.Contains("1", labels);
        Assert.Contains("300", labels);
        Assert.Equal(["training loss", "validation loss"], WithClass(doc, "legend").Where(e => e.Name.LocalName == "text").Select(e => e.Value));
    }

    [Fact]
    public void LowerLossesSitLowerOnThePage()
    {
        var doc = XDocument.Parse(LossCurvePlot.Svg(Curve).ToXml());
        var points = ((string)WithClass(doc, "training").Single().Attribute("points")!).Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();

        Assert.True(points[0][0] < points[1][0] && points[1][0] < points[2][0]);
        Assert.True(points[0][1] < points[1][1] && points[1][1] < points[2][1]);
        // On a log axis a factor 10 (0.5 → 0.05) spans the same height whichever the decade.
        var decade = points[1][1] - points[0][1];
        Assert.Equal(decade * Math.Log10(0.05 / 0.02), points[2][1] - points[1][1], 1);
    }

    [Fact]
    public void PngShowsTheCurvesInTheirColours()
    {
        var full = LossCurvePlot.Raster(Curve);
        var oneEpoch = LossCurvePlot.Raster(new LossCurve([100], [0.5], [0.6]));

        static int Count(RasterCanvas canvas, (byte, byte, byte) colour)
        {
            var n = 0;
            for (var y = 0; y < LossCurvePlot.PageHeight; y++)
                for (var x = 0; x < LossCurvePlot.PageWidth; x++)
                    n += canvas[x, y] == colour ? 1 : 0;
            return n;
        }

        var blue = ((byte)0x4a, (byte)0x7f, (byte)0xb5);
        Assert.True(Count(full, blue) > Count(oneEpoch, blue) + 100);
        Assert.True(Count(oneEpoch, blue) > Count(LossCurvePlot.Raster(new LossCurve([], [], [])), blue));
    }

    [Fact]
    public void WritesByExtension()
    {
        var folder = Directory.CreateTempSubdirectory("perrin-curve-").FullName;
        try
        {
            LossCurvePlot.Write(Path.Combine(folder, "c.svg"), Curve);
            LossCurvePlot.Write(Path.Combine(folder, "c.PNG"), Curve);

            Assert.StartsWith("<?xml", File.ReadAllText(Path.Combine(folder, "c.svg")), StringComparison.Ordinal);
            Assert.Equal([137, 80, 78, 71], File.ReadAllBytes(Path.Combine(folder, "c.PNG"))[..4]);
            Assert.Throws<ArgumentException>(() => LossCurvePlot.Write(Path.Combine(folder, "c.jpg"), Curve));
            Assert.Throws<ArgumentException>(() => new LossCurve([1, 2], [0.1], [0.1, 0.2]));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
