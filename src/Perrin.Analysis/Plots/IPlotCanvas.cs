namespace Perrin.Analysis.Plots;

/// <summary>Where a plot is drawn, in pixels from the top-left corner: an SVG page, or a raster image that leaves text out.</summary>
public interface IPlotCanvas
{
    double Width { get; }

    double Height { get; }

    void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? cssClass = null);

    /// <summary>A polyline through the points; non-finite points are left out.</summary>
    void Polyline(ReadOnlySpan<double> x, ReadOnlySpan<double> y, string stroke, double strokeWidth = 1, double opacity = 1, string? cssClass = null);

    void Text(double x, double y, string text, double fontSize = 12, TextAnchor anchor = TextAnchor.Middle, double rotateDegrees = 0, string? cssClass = null);
}
