using Perrin.Analysis.Evaluation;
using Perrin.Core.Tables;

namespace Perrin.Cli.Evaluate;

/// <summary>
/// Checks that catch the usual ways an evaluation goes wrong without an error: tables in different units, and
/// frames numbered from different bases.
/// </summary>
internal static class EvaluationChecks
{
    /// <summary>Throws when nothing paired and the two tables' extents differ by far more than any real offset would.</summary>
    public static void SameUnits(LoadedTable detections, LoadedTable truth, LocalizationEvaluation result)
    {
        if (result.Overall.TruePositives > 0 || detections.Table.Count == 0)
            return;
        var (d, t) = (Extent(detections.Table), Extent(truth.Table));
        var ratio = Math.Max(d, t) / Math.Max(Math.Min(d, t), 1e-9);
        if (ratio > 20)
        {
            throw new UserInputException(
                $"no detection lies within the tolerance of any truth, and {detections.Path} spans {d:G4} nm while {truth.Path} spans {t:G4} nm: " +
                "one of them looks like it is in other units (pixels or µm). Tables are read in nm; trackpy tables are converted from pixels with --pixel-size");
        }
    }

    /// <summary>
    /// When shifting the detections' frames by one pairs far more than the frames as read, the two files most likely
    /// disagree about where frame numbers start; returns a warning, or null.
    /// </summary>
    public static string? FrameOffset(LoadedTable detections, LoadedTable truth, LocalizationEvaluation result)
    {
        if (detections.Table.Count == 0 || result.Overall.JaccardPercent >= 50)
            return null;
        var asRead = result.Overall.TruePositives;
        foreach (var shift in new[] { -1, 1 })
        {
            var shifted = new List<Localization>(detections.Table.Count);
            foreach (var row in detections.Table.Rows)
            {
                if (row.Frame + shift >= 0)
                    shifted.Add(row with { Frame = row.Frame + shift });
            }

            var pairs = LocalizationEvaluator.Evaluate(shifted, truth.Table.Rows, result.Options).Overall.TruePositives;
            if (pairs > (2 * asRead) + 5)
            {
                return $"warning: {pairs} pairs when the detections' frame numbers are moved by {shift:+0;-0}, against {asRead} as read. " +
                    $"Check the frame numbering: {detections.Describe()} and {truth.Describe()} are each read in their format's convention " +
                    "(ThunderSTORM and SMLM Challenge count from 1, trackpy from 0).";
            }
        }

        return null;
    }

    private static double Extent(LocalizationTable table)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        foreach (var row in table.Rows)
        {
            minX = Math.Min(minX, row.X);
            maxX = Math.Max(maxX, row.X);
            minY = Math.Min(minY, row.Y);
            maxY = Math.Max(maxY, row.Y);
        }

        return Math.Max(Math.Max(maxX, maxY), Math.Max(maxX - minX, maxY - minY));
    }
}
