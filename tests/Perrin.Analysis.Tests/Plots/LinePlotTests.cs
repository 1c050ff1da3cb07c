using System.Globalization;
using System.Xml.Linq;
using Perrin.Analysis.Plots;

namespace Perrin.Analysis.Tests.Plots;

public sealed class LinePlotTests
{
    private static IEnumerable<XElement> WithClass(XDocument doc, string cssClass) =>
        doc.Descendants().Where(e => (string?)e.Attribute("class") == cssClass);

    private static double[][] Points(XElement polyline) =>
        [.. ((string)polyline.Attribute("points")!).Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];

    /// <summary>
    /// Two series on linear axes 0..1 (x) and 0..10 (y) in a 640×440 page: the panel spans x 78..622 and y 36..384,
    /// so (0, 0) maps to (78, 384) and (1, 10) to (622, 36); a NaN point is left out; only labelled series are in the legend.
    /// </summary>
    [Fact]
    public void PointsMapToThePanelAndNaNsAreLeftOut()
    {
        var series = new[]
        {
            new LineSeries("a", [0, 0.5, 1], [0, 5, 10], "#ff0000"),
            new LineSeries(null, [0, 0.5, 1], [10, double.NaN, 0], "#0000ff") { Markers = false },
        };
        var doc = XDocument.Parse(LinePlot.Render(series, "t", "x", "y").ToXml());

        var lines = WithClass(doc, "series").ToList();
        Assert.Equal(2, lines.Count);
        var a = Points(lines[0]);
        Assert.Equal([78, 384], a[0]);
        Assert.Equal([350, 210], a[1]);
        Assert.Equal([622, 36], a[2]);
        var b = Points(lines[1]);
        Assert.Equal(2, b.Length);
        Assert.Equal([78, 36], b[0]);
        Assert.Equal(3, WithClass(doc, "marker").Count());
        Assert.Equal("a", Assert.Single(WithClass(doc, "legend"), e => e.Name.LocalName == "text").Value);
    }

    [Fact]
    public void InvertedAxisPutsSmallYAtTheTopAndLogAxisSkipsNonPositiveValues()
    {
        var inverted = XDocument.Parse(LinePlot.Render([new LineSeries(null, [0, 1], [0, 10], "black")], "t", "x", "y",
            new LinePlotOptions { InvertY = true }).ToXml());
        Assert.Equal([[78, 36], [622, 384]], Points(Assert.Single(WithClass(inverted, "series"))));

        var log = XDocument.Parse(LinePlot.Render([new LineSeries("loss", [1, 2, 3], [0.1, 0, 0.01], "black")], "t", "x", "y",
            new LinePlotOptions { LogY = true }).ToXml());
        var points = Points(Assert.Single(WithClass(log, "series")));
        Assert.Equal(2, points.Length);
        Assert.Equal(36, points[0][1]);
        Assert.Equal(384, points[1][1]);
    }

    [Fact]
    public void SeriesOfUnequalLengthsAreRefused() =>
        Assert.Throws<ArgumentException>(() => LinePlot.Render([new LineSeries("a", [1, 2], [1], "black")], "t", "x", "y"));
}
