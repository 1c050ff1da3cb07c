using System.Globalization;
using System.Xml.Linq;
using Perrin.Analysis.Diffusion;
using Perrin.Analysis.Plots;
using Perrin.Analysis.Tests.Diffusion;

namespace Perrin.Analysis.Tests.Plots;

public sealed class PlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Parse(SvgDocument svg) => XDocument.Parse(svg.ToXml());

    private static IEnumerable<XElement> WithClass(XDocument doc, string cssClass) =>
        doc.Descendants().Where(e => (string?)e.Attribute("class") == cssClass);

    private static double Attr(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);

    [Fact]
    public void MsdPlotHasOneThinLinePerTrackAndABoldEnsembleOnLogAxes()
    {
        var tracks = SimulatedTracks.Brownian(20, 12, 40, 0.1, 0.05);
        tracks.Add(new Track(99, [0], [0], [0]));
        var curves = tracks.Select(t => Msd.ForTrack(t, 20, 0.05)).ToList();
        var doc = Parse(MsdPlot.Render(curves, Msd.Ensemble(curves)));

        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal(12, WithClass(doc, "track").Count());
        var ensemble = Assert.Single(WithClass(doc, "ensemble"));
        Assert.Equal(20, ((string)ensemble.Attribute("points")!).Split(' ').Length);
        Assert.True(Attr(ensemble, "stroke-width") > Attr(WithClass(doc, "track").First(), "stroke-width"));

        // Lag times 0.05..1 s span the decades 0.01..1: labels 0.01, 0.1, 1 on x; MSD labels are powers of ten.
        var labels = WithClass(doc, "tick-label").Select(e => e.Value).ToList();
        Assert.Contains("0.01", labels);
        Assert.Contains("0.1", labels);
        Assert.Contains("1", labels);
        Assert.Contains(WithClass(doc, "axis-title"), e => e.Value == "lag time (s)");
        Assert.Contains(WithClass(doc, "axis-title"), e => e.Value == "MSD (µm²)");
        Assert.Equal(2, WithClass(doc, "axis").Count());

        // Every drawn point lies inside the page.
        foreach (var line in WithClass(doc, "track").Append(ensemble))
        {
            foreach (var point in ((string)line.Attribute("points")!).Split(' '))
            {
                var xy = point.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                Assert.InRange(xy[0], 0, 760);
                Assert.InRange(xy[1], 0, 540);
            }
        }
    }

    [Fact]
    public void HistogramPlotHasABarPerBin()
    {
        double[] d = [0.1, 0.12, 0.08, 0.11, 0.09, 0.1, 0.13, double.NaN, 0.07];
        double[] alpha = [1, 0.9, 1.1, 1.05];
        var doc = Parse(HistogramPlot.RenderDiffusion(d, alpha));

        // ⌈√8⌉ = 3 bins for the 8 finite D values, ⌈√4⌉ = 2 for α.
        var bars = WithClass(doc, "bar").ToList();
        Assert.Equal(5, bars.Count);
        Assert.Contains(WithClass(doc, "title"), e => e.Value == "Diffusion coefficient (n = 8)");
        Assert.Contains(WithClass(doc, "axis-title"), e => e.Value == "α");
        var heights = bars.Take(3).Select(b => Attr(b, "height")).ToArray();
        Assert.True(heights.All(h => h > 0));
    }

    [Fact]
    public void HistogramCountsAreExact()
    {
        var h = Histogram.Of([0, 1, 2, 3, 4, double.NaN, 4], bins: 4);
        Assert.Equal([0.0, 1, 2, 3, 4], h.Edges.ToArray());
        Assert.Equal([1, 1, 1, 3], h.Counts.ToArray());
        Assert.Equal(1, h.LeftOut);
        Assert.Equal(0, Histogram.Of([double.NaN]).Bins);
        Assert.Equal([2], Histogram.Of([2.0, 2.0], 1).Counts.ToArray());
    }

    [Fact]
    public void EmptyHistogramStillDrawsReadableAxes()
    {
        var doc = Parse(HistogramPlot.RenderDiffusion([], [double.NaN]));
        Assert.Empty(WithClass(doc, "bar"));
        Assert.Equal(2, WithClass(doc, "note").Count());
    }

    [Fact]
    public void AxesPickRoundTicks()
    {
        var linear = PlotAxis.Linear(0.03, 0.97, 0, 100);
        Assert.Equal(["0", "0.2", "0.4", "0.6", "0.8", "1"], linear.Ticks().Select(t => t.Label));
        Assert.Equal(50, linear.Map(0.5), 9);

        var log = PlotAxis.Logarithmic10(0.002, 0.5, 0, 300);
        Assert.Equal(["0.001", "0.01", "0.1", "1"], log.Ticks().Where(t => t.Label.Length > 0).Select(t => t.Label));
        Assert.Equal(100, log.Map(0.01), 9);
        Assert.Equal(["1E-6", "1E-5"], PlotAxis.Logarithmic10(2e-6, 9e-6, 0, 1).Ticks().Where(t => t.Major).Select(t => t.Label));
        Assert.Contains("2E-6", PlotAxis.Logarithmic10(2e-6, 9e-6, 0, 1).Ticks().Select(t => t.Label));
        Assert.Equal(["0", "1", "2", "3"], PlotAxis.Linear(0, 3, 0, 1, integerTicks: true).Ticks().Select(t => t.Label));
    }

    [Fact]
    public void TextIsEscapedAndTheFileIsWrittenAtomically()
    {
        var svg = new SvgDocument(100, 50);
        svg.Text(10, 10, "a < b & \"c\"\u0001");
        var doc = Parse(svg);
        Assert.Equal("a < b & \"c\" ", doc.Descendants(Svg + "text").Single().Value);

        var path = Path.Combine(Path.GetTempPath(), $"perrin-plot-{Guid.NewGuid():N}.svg");
        try
        {
            svg.Save(path);
            Assert.Equal(svg.ToXml(), File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SeriesPlotDrawsEachSeriesWithMarkersAndALegendOnLogAxes()
    {
        double[] snr = [2, 3, 5, 10, 20];
        var doc = Parse(SeriesPlot.Render("RMSE against SNR", "SNR", "RMSE (nm)",
        [
            new PlotSeries("CNN", snr, [40, 30, 20, 12, 8], "red"),
            new PlotSeries("radial", snr, [800, 300, double.NaN, 15, 8], "blue"),
        ], logX: true, logY: true));

        var lines = WithClass(doc, "series").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(5, ((string)lines[0].Attribute("points")!).Split(' ').Length);
        Assert.Equal(4, ((string)lines[1].Attribute("points")!).Split(' ').Length);
        Assert.Equal(9, WithClass(doc, "marker").Count());
        Assert.Equal(["CNN", "radial"], WithClass(doc, "legend").Where(e => e.Name == Svg + "text").Select(e => e.Value));
        var labels = WithClass(doc, "tick-label").Select(e => e.Value).ToList();
        Assert.Contains("1", labels);
        Assert.Contains("1000", labels);

        // A larger RMSE is drawn higher on the page, and SNR grows to the right.
        var first = ((string)lines[0].Attribute("points")!).Split(' ').Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Assert.True(first[0][1] > 0 && first[0][1] < first[4][1]);
        Assert.True(first[0][0] < first[4][0]);
        Assert.Throws<ArgumentException>("series", () => SeriesPlot.Render("t", "x", "y", [new PlotSeries("bad", [1, 2], [1], "red")]));
    }
}
