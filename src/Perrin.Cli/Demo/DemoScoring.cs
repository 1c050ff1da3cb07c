using Perrin.Analysis.Evaluation;
using Perrin.Core.Tables;

namespace Perrin.Cli.Demo;

/// <summary>
/// Per-frame one-to-one matching within <see cref="TolerancePx"/> (the optimal maximum-pairs rule of `perrin
/// evaluate`), over the part of the field at least <see cref="ClassicalMethods.RoiRadiusPx"/> from the edge, for
/// every method alike: the ROI methods cannot fit spots nearer the edge, and partly visible particles there would
/// otherwise count against them alone.
/// </summary>
internal static class DemoScoring
{
    public const double TolerancePx = 2;

    public static double ToleranceNm => TolerancePx * DemoScenario.PixelSizeNm;

    /// <summary>The |peak contrast| from which the accuracy goal's RMSE is counted (contrast ≥ 0.02).</summary>
    public const double BrightContrast = 0.02;

    /// <summary>All particles' scores, and recall and RMSE over the particles of |contrast| ≥ <see cref="BrightContrast"/>.</summary>
    public static (LocalizationScores Overall, IntensityBin Bright) Score(IReadOnlyList<Localization> detections, DemoMovie movie)
    {
        var options = new EvaluationOptions { LateralToleranceNm = ToleranceNm, TruthIntensityEdges = [BrightContrast, double.MaxValue] };
        var result = LocalizationEvaluator.Evaluate(Inside(detections, movie), Inside(movie.Truth, movie), options);
        return (result.Overall, result.ByTruthIntensity[0]);
    }

    /// <summary>The rows in the scored part of the field.</summary>
    public static List<Localization> Inside(IReadOnlyList<Localization> rows, DemoMovie movie)
    {
        var border = ClassicalMethods.RoiRadiusPx;
        var kept = new List<Localization>(rows.Count);
        foreach (var row in rows)
        {
            var x = PixelCoordinates.ToPixels(row.X, DemoScenario.PixelSizeNm);
            var y = PixelCoordinates.ToPixels(row.Y, DemoScenario.PixelSizeNm);
            if (x >= border - 0.5 && x < movie.Width - border - 0.5 && y >= border - 0.5 && y < movie.Height - border - 0.5)
            {
                kept.Add(row);
            }
        }

        return kept;
    }
}
