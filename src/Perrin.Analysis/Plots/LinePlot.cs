namespace Perrin.Analysis.Plots;

/// <summary>
/// Lines through points on linear or logarithmic axes, with a legend of the labelled series: scores against a
/// parameter, training curves, particle tracks. Points that are not finite (or not positive on a log axis) break
/// nothing: they are left out of their line.
/// </summary>
public static class LinePlot
{
    private const double MarkerHalf = 3;

    // The legend sits in the top right corner, this many pixels wide.
    private const double LegendWidth = 170;

    public static SvgDocument Render(IReadOnlyList<LineSeries> series, string title, string xTitle, string yTitle, LinePlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new LinePlotOptions();
        foreach (var s in series)
        {
            if (s.X.Count != s.Y.Count)
            {
                throw new ArgumentException($"series '{s.Label}' has {s.X.Count} x values but {s.Y.Count} y values", nameof(series));
            }
        }

        var svg = new SvgDocument(options.Width, options.Height);
        var panel = new PlotPanel(0, 0, svg.Width, svg.Height);
        var (xLow, xHigh) = Range(series.SelectMany(s => s.X), options.LogX, options.XMin, options.XMax);
        var (yLow, yHigh) = Range(series.SelectMany(s => s.Y), options.LogY, options.YMin, options.YMax);
        var x = options.LogX ? PlotAxis.Logarithmic10(xLow, xHigh, panel.X0, panel.X1) : PlotAxis.Linear(xLow, xHigh, panel.X0, panel.X1);
        var (top, bottom) = options.InvertY ? (panel.Y1, panel.Y0) : (panel.Y0, panel.Y1);
        var y = options.LogY ? PlotAxis.Logarithmic10(yLow, yHigh, bottom, top) : PlotAxis.Linear(yLow, yHigh, bottom, top);
        panel.DrawAxes(svg, x, y, xTitle, yTitle, title);
        foreach (var s in series)
        {
            Draw(svg, s, x, y);
        }

        Legend(svg, panel, series.Where(s => s.Label is not null).ToList());
        return svg;
    }

    public static void Write(string path, IReadOnlyList<LineSeries> series, string title, string xTitle, string yTitle, LinePlotOptions? options = null) =>
        Render(series, title, xTitle, yTitle, options).Save(path);

    private static void Draw(SvgDocument svg, LineSeries series, PlotAxis x, PlotAxis y)
    {
        var px = new double[series.X.Count];
        var py = new double[series.X.Count];
        for (var i = 0; i < px.Length; i++)
        {
            var usable = Usable(series.X[i], x.Logarithmic) && Usable(series.Y[i], y.Logarithmic);
            px[i] = usable ? x.Map(series.X[i]) : double.NaN;
            py[i] = usable ? y.Map(series.Y[i]) : double.NaN;
        }

        svg.Polyline(px, py, series.Colour, series.StrokeWidth, series.Opacity, "series");
        if (!series.Markers)
        {
            return;
        }

        for (var i = 0; i < px.Length; i++)
        {
            if (double.IsFinite(px[i]) && double.IsFinite(py[i]))
            {
                svg.Rect(px[i] - MarkerHalf, py[i] - MarkerHalf, 2 * MarkerHalf, 2 * MarkerHalf, series.Colour, null, "marker");
            }
        }
    }

    private static void Legend(SvgDocument svg, PlotPanel panel, List<LineSeries> labelled)
    {
        for (var i = 0; i < labelled.Count; i++)
        {
            var rowY = panel.Y0 + 16 + (18 * i);
            var left = panel.X1 - LegendWidth;
            svg.Line(left, rowY, left + 26, rowY, labelled[i].Colour, labelled[i].StrokeWidth, "legend");
            svg.Text(left + 32, rowY + 4, labelled[i].Label!, 12, TextAnchor.Start, 0, "legend");
        }
    }

    private static bool Usable(double value, bool logarithmic) => double.IsFinite(value) && (!logarithmic || value > 0);

    private static (double Low, double High) Range(IEnumerable<double> values, bool logarithmic, double? min, double? max)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (Usable(v, logarithmic))
            {
                (low, high) = (Math.Min(low, v), Math.Max(high, v));
            }
        }

        if (!double.IsFinite(low))
        {
            (low, high) = logarithmic ? (0.1, 1) : (0, 1);
        }

        return (min ?? low, Math.Max(max ?? high, min ?? low));
    }
}
