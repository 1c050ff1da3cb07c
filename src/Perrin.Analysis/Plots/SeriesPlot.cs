namespace Perrin.Analysis.Plots;

/// <summary>
/// Several named series against one x axis, such as each method's error against SNR: each a line through square
/// markers, with a legend. Either axis may be logarithmic; points that are not finite (or not positive on a
/// logarithmic axis) are left out.
/// </summary>
public static class SeriesPlot
{
    private const double Marker = 7;

    public static SvgDocument Render(string title, string xTitle, string yTitle, IReadOnlyList<PlotSeries> series, bool logX = false, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (var s in series)
        {
            ArgumentNullException.ThrowIfNull(s);
            if (s.X.Count != s.Y.Count)
            {
                throw new ArgumentException($"series '{s.Name}' has {s.X.Count} x values but {s.Y.Count} y values", nameof(series));
            }
        }

        var svg = new SvgDocument(760, 540);
        var panel = new PlotPanel(0, 0, svg.Width, svg.Height);
        var x = Axis(series.SelectMany(s => s.X), logX, panel.X0, panel.X1);
        var y = Axis(series.SelectMany(s => s.Y), logY, panel.Y1, panel.Y0);
        panel.DrawAxes(svg, x, y, xTitle, yTitle, title);
        for (var k = 0; k < series.Count; k++)
        {
            var s = series[k];
            var px = new double[s.X.Count];
            var py = new double[s.X.Count];
            for (var i = 0; i < px.Length; i++)
            {
                var ok = Usable(s.X[i], logX) && Usable(s.Y[i], logY);
                px[i] = ok ? x.Map(s.X[i]) : double.NaN;
                py[i] = ok ? y.Map(s.Y[i]) : double.NaN;
                if (ok)
                {
                    svg.Rect(px[i] - (Marker / 2), py[i] - (Marker / 2), Marker, Marker, s.Colour, null, "marker");
                }
            }

            svg.Polyline(px, py, s.Colour, 2, 1, "series");
            var legendY = panel.Y0 + 16 + (18 * k);
            svg.Line(panel.X1 - 180, legendY, panel.X1 - 154, legendY, s.Colour, 2, "legend");
            svg.Text(panel.X1 - 148, legendY + 4, s.Name, 12, TextAnchor.Start, 0, "legend");
        }

        return svg;
    }

    public static void Write(string path, string title, string xTitle, string yTitle, IReadOnlyList<PlotSeries> series, bool logX = false, bool logY = false) =>
        Render(title, xTitle, yTitle, series, logX, logY).Save(path);

    private static bool Usable(double value, bool logarithmic) => double.IsFinite(value) && (!logarithmic || value > 0);

    private static PlotAxis Axis(IEnumerable<double> values, bool logarithmic, double start, double end)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var v in values.Where(v => Usable(v, logarithmic)))
        {
            (low, high) = (Math.Min(low, v), Math.Max(high, v));
        }

        if (!double.IsFinite(low))
        {
            (low, high) = logarithmic ? (1, 10) : (0, 1);
        }

        if (logarithmic)
        {
            return PlotAxis.Logarithmic10(low / 1.2, high * 1.2, start, end);
        }

        var pad = high > low ? 0.05 * (high - low) : Math.Max(1, Math.Abs(low));
        return PlotAxis.Linear(Math.Min(0, low), high + pad, start, end);
    }
}
