using Perrin.Core.Tables;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// Scores detections against ground truth by the SMLM Challenge 2016 protocol: frame by frame, each detection pairs
/// with at most one truth and each truth with at most one detection, within the tolerances of
/// <see cref="EvaluationOptions"/>; unpaired detections are false positives, unpaired truths false negatives.
/// Frames that appear in only one of the two lists count too (all false positives, or all false negatives). Both
/// lists must be in Perrin's convention (0-based frames, nm), which <see cref="LocalizationTableIO"/> guarantees for
/// every file format it reads.
/// </summary>
public static class LocalizationEvaluator
{
    public static LocalizationEvaluation Evaluate(LocalizationTable detections, LocalizationTable truth, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(truth);
        return Evaluate(detections.Rows, truth.Rows, options);
    }

    public static LocalizationEvaluation Evaluate(IReadOnlyList<Localization> detections, IReadOnlyList<Localization> truth, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(truth);
        options ??= new EvaluationOptions();
        options.Validate();
        var byFrameTruth = SortedByFrame(truth, nameof(truth));
        var byFrameDetections = SortedByFrame(detections, nameof(detections));
        var matcher = new FrameMatcher(options);
        var pairs = new List<MatchedPair>();
        var frames = new List<FrameEvaluation>();
        var overall = default(ScoreSums);
        var intensity = options.TruthIntensityEdges is { } edges ? new TruthIntensityTally(edges) : null;
        int t = 0, d = 0;
        while (t < byFrameTruth.Length || d < byFrameDetections.Length)
        {
            var frame = Math.Min(
                t < byFrameTruth.Length ? byFrameTruth[t].Frame : int.MaxValue,
                d < byFrameDetections.Length ? byFrameDetections[d].Frame : int.MaxValue);
            var truthRows = Run(byFrameTruth, ref t, frame);
            var detectionRows = Run(byFrameDetections, ref d, frame);
            matcher.Match(truthRows, detectionRows, pairs);
            intensity?.Add(truthRows, pairs);
            var sums = ScoreSums.OfFrame(truthRows, detectionRows.Length, pairs, options.Crlb);
            overall += sums;
            frames.Add(new FrameEvaluation(frame, truthRows.Length, detectionRows.Length, LocalizationScores.From(sums)) { Sums = sums });
        }

        return new LocalizationEvaluation(options, LocalizationScores.From(overall), frames)
        {
            OverallSums = overall,
            ByTruthIntensity = intensity?.Bins() ?? [],
        };
    }

    /// <summary>The rows of <paramref name="frame"/> starting at <paramref name="start"/>, which moves past them.</summary>
    private static ReadOnlySpan<Localization> Run(Localization[] rows, ref int start, int frame)
    {
        var end = start;
        while (end < rows.Length && rows[end].Frame == frame)
            end++;
        var run = rows.AsSpan(start, end - start);
        start = end;
        return run;
    }

    /// <summary>A copy sorted by frame, keeping the input order within a frame so that results never depend on sort internals.</summary>
    private static Localization[] SortedByFrame(IReadOnlyList<Localization> rows, string name)
    {
        var keys = new long[rows.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var row = rows[i];
            if (row.Frame < 0)
                throw new ArgumentException($"{name}: row {i} has frame {row.Frame}; frames are 0-based and not negative", name);
            if (!double.IsFinite(row.X) || !double.IsFinite(row.Y))
                throw new ArgumentException($"{name}: row {i} has the position ({row.X}, {row.Y}); x and y must be finite", name);
            keys[i] = ((long)row.Frame << 32) | (uint)i;
        }

        Array.Sort(keys);
        var sorted = new Localization[keys.Length];
        for (var i = 0; i < keys.Length; i++)
            sorted[i] = rows[(int)(keys[i] & 0xFFFFFFFF)];
        return sorted;
    }
}
