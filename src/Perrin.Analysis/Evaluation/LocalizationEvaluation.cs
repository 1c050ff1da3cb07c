namespace Perrin.Analysis.Evaluation;

/// <summary>
/// The outcome of <see cref="LocalizationEvaluator.Evaluate(IReadOnlyList{Perrin.Core.Tables.Localization}, IReadOnlyList{Perrin.Core.Tables.Localization}, EvaluationOptions)"/>:
/// the settings used, the scores over all frames, and each frame that had a truth or a detection, in frame order.
/// </summary>
public sealed record LocalizationEvaluation(EvaluationOptions Options, LocalizationScores Overall, IReadOnlyList<FrameEvaluation> Frames)
{
    /// <summary>The sums of all frames, from which <see cref="Overall"/> was computed.</summary>
    public ScoreSums OverallSums { get; init; }

    /// <summary>Recall and RMSE per bin of the truths' |intensity| when <see cref="EvaluationOptions.TruthIntensityEdges"/> is set; otherwise empty.</summary>
    public IReadOnlyList<IntensityBin> ByTruthIntensity { get; init; } = [];
}
