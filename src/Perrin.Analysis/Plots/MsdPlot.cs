using Perrin.Analysis.Diffusion;

namespace Perrin.Analysis.Plots;

/// <summary>
/// MSD against lag time on log-log axes: each track's curve as a thin translucent line, the ensemble as a bold one.
/// Points without pairs or with a non-positive MSD (possible after drift subtraction) are left out of a line.
/// </summary>
public static class MsdPlot
{
    /// <summary>At most this many track curves are drawn, the first ones given, to keep files small.</summary>
    public const int DefaultTrackLimit = 1000;

    public static SvgDocument Render(IReadOnlyList<MsdCurve> tracks, MsdCurve ensemble, int trackLimit = DefaultTrackLimit)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentOutOfRangeException.ThrowIfNegative(trackLimit);
        var drawn = tracks.Take(trackLimit).ToArray();
        var (low, high) = Range(drawn.Append(ensemble));
        var svg = new SvgDocument(760, 540);
        var panel = new PlotPanel(0, 0, svg.Width, svg.Height);
        var x = PlotAxis.Logarithmic10(ensemble.LagTime(1), ensemble.LagTime(ensemble.MaxLag), panel.X0, panel.X1);
        var y = PlotAxis.Logarithmic10(low, high, panel.Y1, panel.Y0);
        var title = $"MSD of {tracks.Count} track{(tracks.Count == 1 ? string.Empty : "s")}" +
            (drawn.Length < tracks.Count ? $" ({drawn.Length} drawn)" : string.Empty) + " and ensemble";
        panel.DrawAxes(svg, x, y, "lag time (s)", "MSD (µm²)", title);
        foreach (var curve in drawn)
        {
            Draw(svg, curve, x, y, "#4a7fb5", 0.8, 0.35, "track");
        }

        Draw(svg, ensemble, x, y, "#c0392b", 3, 1, "ensemble");
        svg.Line(panel.X0 + 14, panel.Y0 + 16, panel.X0 + 40, panel.Y0 + 16, "#4a7fb5", 1, "legend");
        svg.Text(panel.X0 + 46, panel.Y0 + 20, "tracks", 12, TextAnchor.Start, 0, "legend");
        svg.Line(panel.X0 + 14, panel.Y0 + 34, panel.X0 + 40, panel.Y0 + 34, "#c0392b", 3, "legend");
        svg.Text(panel.X0 + 46, panel.Y0 + 38, "ensemble (pair-weighted)", 12, TextAnchor.Start, 0, "legend");
        return svg;
    }

    public static void Write(string path, IReadOnlyList<MsdCurve> tracks, MsdCurve ensemble, int trackLimit = DefaultTrackLimit) =>
        Render(tracks, ensemble, trackLimit).Save(path);

    private static void Draw(SvgDocument svg, MsdCurve curve, PlotAxis x, PlotAxis y, string colour, double width, double opacity, string cssClass)
    {
        var px = new double[curve.MaxLag];
        var py = new double[curve.MaxLag];
        var usable = 0;
        for (var lag = 1; lag <= curve.MaxLag; lag++)
        {
            var value = curve.At(lag);
            var ok = curve.Pairs[lag - 1] > 0 && value > 0;
            px[lag - 1] = ok ? x.Map(curve.LagTime(lag)) : double.NaN;
            py[lag - 1] = ok ? y.Map(value) : double.NaN;
            usable += ok ? 1 : 0;
        }

        if (usable >= 2)
        {
            svg.Polyline(px, py, colour, width, opacity, cssClass);
        }
    }

    private static (double Low, double High) Range(IEnumerable<MsdCurve> curves)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (var curve in curves)
        {
            foreach (var value in curve.Values)
            {
                if (value > 0 && double.IsFinite(value))
                {
                    (low, high) = (Math.Min(low, value), Math.Max(high, value));
                }
            }
        }

        return double.IsFinite(low) ? (low, high) : (1e-3, 1);
    }
}
