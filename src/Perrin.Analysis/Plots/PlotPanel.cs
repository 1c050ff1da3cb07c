namespace Perrin.Analysis.Plots;

/// <summary>
/// One plotting area on a page: a box with its two axes, tick marks, light grid lines, tick labels, axis titles
/// and a title above. Pixel layout leaves room on the left and below for labels.
/// </summary>
public sealed class PlotPanel
{
    private const double Left = 78;
    private const double Right = 18;
    private const double Top = 36;
    private const double Bottom = 56;

    public PlotPanel(double x, double y, double width, double height)
    {
        (X0, X1, Y0, Y1) = (x + Left, x + width - Right, y + Top, y + height - Bottom);
        if (!(X1 > X0 + 10 && Y1 > Y0 + 10))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"a {width}×{height} panel leaves no room to plot");
        }

        OriginX = x;
        OriginY = y;
        Width = width;
    }

    /// <summary>Left edge of the plotting box, pixels.</summary>
    public double X0 { get; }

    public double X1 { get; }

    /// <summary>Top edge of the plotting box, pixels.</summary>
    public double Y0 { get; }

    public double Y1 { get; }

    private double OriginX { get; }

    private double OriginY { get; }

    private double Width { get; }

    /// <summary>Draws the box, grid, ticks, labels and titles for <paramref name="x"/> and <paramref name="y"/>.</summary>
    public void DrawAxes(IPlotCanvas svg, PlotAxis x, PlotAxis y, string xTitle, string yTitle, string title)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        foreach (var tick in x.Ticks())
        {
            var px = x.Map(tick.Value);
            svg.Line(px, Y0, px, Y1, tick.Major ? "#dddddd" : "#f0f0f0", 1, "grid");
            svg.Line(px, Y1, px, Y1 + (tick.Major ? 6 : 3), "black", 1, "tick");
            if (tick.Label.Length > 0)
            {
                svg.Text(px, Y1 + 20, tick.Label, 12, TextAnchor.Middle, 0, "tick-label");
            }
        }

        foreach (var tick in y.Ticks())
        {
            var py = y.Map(tick.Value);
            svg.Line(X0, py, X1, py, tick.Major ? "#dddddd" : "#f0f0f0", 1, "grid");
            svg.Line(X0 - (tick.Major ? 6 : 3), py, X0, py, "black", 1, "tick");
            if (tick.Label.Length > 0)
            {
                svg.Text(X0 - 9, py + 4, tick.Label, 12, TextAnchor.End, 0, "tick-label");
            }
        }

        svg.Line(X0, Y1, X1, Y1, "black", 1.2, "axis");
        svg.Line(X0, Y0, X0, Y1, "black", 1.2, "axis");
        svg.Line(X0, Y0, X1, Y0, "#888888", 0.8, "frame");
        svg.Line(X1, Y0, X1, Y1, "#888888", 0.8, "frame");
        svg.Text((X0 + X1) / 2, Y1 + 44, xTitle, 14, TextAnchor.Middle, 0, "axis-title");
        svg.Text(OriginX + 20, (Y0 + Y1) / 2, yTitle, 14, TextAnchor.Middle, -90, "axis-title");
        svg.Text(OriginX + (Width / 2), OriginY + 22, title, 15, TextAnchor.Middle, 0, "title");
    }
}
