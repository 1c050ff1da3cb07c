namespace Perrin.Analysis.Plots;

/// <summary>
/// Training and validation loss against step on a log loss axis, as SVG or PNG. Every epoch's point carries a
/// small mark so a run of one epoch still shows; losses that are not positive and finite are left out.
/// </summary>
public static class LossCurvePlot
{
    public const int PageWidth = 760;
    public const int PageHeight = 480;

    private const string TrainingColour = "#4a7fb5";
    private const string ValidationColour = "#c0392b";

    public static void Draw(IPlotCanvas canvas, LossCurve curve, string title = "training curve")
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(curve);
        var panel = new PlotPanel(0, 0, canvas.Width, canvas.Height);
        var (low, high) = Range(curve);
        var x = PlotAxis.Linear(0, Math.Max(1, curve.Steps.Count == 0 ? 1 : curve.Steps.Max()), panel.X0, panel.X1, integerTicks: true);
        var y = PlotAxis.Logarithmic10(low, high, panel.Y1, panel.Y0);
        panel.DrawAxes(canvas, x, y, "step", "loss", title);
        Series(canvas, curve.Steps, curve.Training, x, y, TrainingColour, "training");
        Series(canvas, curve.Steps, curve.Validation, x, y, ValidationColour, "validation");
        Legend(canvas, panel, 0, TrainingColour, "training loss");
        Legend(canvas, panel, 1, ValidationColour, "validation loss");
    }

    public static SvgDocument Svg(LossCurve curve, string title = "training curve")
    {
        var svg = new SvgDocument(PageWidth, PageHeight);
        Draw(svg, curve, title);
        return svg;
    }

    public static RasterCanvas Raster(LossCurve curve, string title = "training curve")
    {
        var raster = new RasterCanvas(PageWidth, PageHeight);
        Draw(raster, curve, title);
        return raster;
    }

    /// <summary>Writes the plot as SVG or PNG, by the path's extension.</summary>
    public static void Write(string path, LossCurve curve, string title = "training curve")
    {
        ArgumentNullException.ThrowIfNull(path);
        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".SVG":
                Svg(curve, title).Save(path);
                break;
            case ".PNG":
                Raster(curve, title).Save(path);
                break;
            default:
                throw new ArgumentException($"{path}: a loss curve is written as .svg or .png", nameof(path));
        }
    }

    private static void Series(IPlotCanvas canvas, IReadOnlyList<long> steps, IReadOnlyList<double> loss, PlotAxis x, PlotAxis y, string colour, string cssClass)
    {
        var px = new double[steps.Count];
        var py = new double[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var usable = loss[i] > 0 && double.IsFinite(loss[i]);
            px[i] = usable ? x.Map(steps[i]) : double.NaN;
            py[i] = usable ? y.Map(loss[i]) : double.NaN;
            if (usable)
            {
                canvas.Line(px[i] - 3, py[i], px[i] + 3, py[i], colour, 2, cssClass + "-mark");
                canvas.Line(px[i], py[i] - 3, px[i], py[i] + 3, colour, 2, cssClass + "-mark");
            }
        }

        canvas.Polyline(px, py, colour, 2, 1, cssClass);
    }

    private static void Legend(IPlotCanvas canvas, PlotPanel panel, int row, string colour, string label)
    {
        var top = panel.Y0 + 16 + (18 * row);
        canvas.Line(panel.X1 - 150, top, panel.X1 - 124, top, colour, 2, "legend");
        canvas.Text(panel.X1 - 118, top + 4, label, 12, TextAnchor.Start, 0, "legend");
    }

    private static (double Low, double High) Range(LossCurve curve)
    {
        var values = curve.Training.Concat(curve.Validation).Where(v => v > 0 && double.IsFinite(v)).ToList();
        return values.Count == 0 ? (1e-3, 1) : (values.Min(), values.Max());
    }
}
