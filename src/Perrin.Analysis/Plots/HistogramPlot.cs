namespace Perrin.Analysis.Plots;

/// <summary>Histograms side by side on one page, one panel each, with a bar per bin.</summary>
public static class HistogramPlot
{
    private const double PanelWidth = 460;
    private const double PanelHeight = 400;

    /// <summary>One panel per (values, x-axis title, panel title).</summary>
    public static SvgDocument Render(IReadOnlyList<(double[] Values, string Quantity, string Title)> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0)
        {
            throw new ArgumentException("at least one histogram is needed", nameof(panels));
        }

        var svg = new SvgDocument(PanelWidth * panels.Count, PanelHeight);
        for (var i = 0; i < panels.Count; i++)
        {
            var (values, quantity, title) = panels[i];
            DrawPanel(svg, new PlotPanel(i * PanelWidth, 0, PanelWidth, PanelHeight), Histogram.Of(values), quantity, title);
        }

        return svg;
    }

    /// <summary>The diffusion-coefficient and anomalous-exponent histograms of a set of tracks.</summary>
    public static SvgDocument RenderDiffusion(double[] diffusionCoefficients, double[] alphas) =>
        Render([(diffusionCoefficients, "D (µm²/s)", "Diffusion coefficient"), (alphas, "α", "Anomalous exponent")]);

    public static void WriteDiffusion(string path, double[] diffusionCoefficients, double[] alphas) =>
        RenderDiffusion(diffusionCoefficients, alphas).Save(path);

    private static void DrawPanel(SvgDocument svg, PlotPanel panel, Histogram histogram, string quantity, string title)
    {
        if (histogram.Bins == 0)
        {
            var x0 = PlotAxis.Linear(0, 1, panel.X0, panel.X1);
            var y0 = PlotAxis.Linear(0, 1, panel.Y1, panel.Y0, integerTicks: true);
            panel.DrawAxes(svg, x0, y0, quantity, "tracks", title);
            svg.Text((panel.X0 + panel.X1) / 2, (panel.Y0 + panel.Y1) / 2, "no finite values", 14, TextAnchor.Middle, 0, "note");
            return;
        }

        var edges = histogram.Edges;
        var counts = histogram.Counts;
        var most = 0;
        foreach (var c in counts)
        {
            most = Math.Max(most, c);
        }

        var x = PlotAxis.Linear(edges[0], edges[^1], panel.X0, panel.X1);
        var y = PlotAxis.Linear(0, most, panel.Y1, panel.Y0, integerTicks: true);
        var total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        panel.DrawAxes(svg, x, y, quantity, "tracks", $"{title} (n = {total})");
        for (var i = 0; i < counts.Length; i++)
        {
            var left = x.Map(edges[i]);
            var right = x.Map(edges[i + 1]);
            var top = y.Map(counts[i]);
            svg.Rect(left, top, right - left, y.Map(0) - top, "#6fa8dc", "#2f5f8a", "bar");
        }
    }
}
