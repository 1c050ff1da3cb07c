using Perrin.Analysis.Plots;

namespace Perrin.Cli.Training;

/// <summary>The training curve of a run, drawn from its metrics table after every epoch, so an interrupted run has one too.</summary>
internal static class TrainingCurve
{
    /// <summary>Writes <paramref name="svgPath"/> and the PNG beside it (same name, .png).</summary>
    public static void Write(string metricsPath, string svgPath, string title)
    {
        var curve = MetricsCurve.Read(metricsPath);
        LossCurvePlot.Svg(curve, title).Save(svgPath);
        LossCurvePlot.Raster(curve, title).Save(PngPath(svgPath));
    }

    public static string PngPath(string svgPath) => Path.ChangeExtension(svgPath, ".png");
}
