using System.Text.Json.Serialization;

namespace Perrin.Analysis.Evaluation;

/// <summary>The scores of one frame (0-based, as in <see cref="Perrin.Core.Tables.Localization.Frame"/>).</summary>
public sealed record FrameEvaluation(int Frame, int TruthCount, int DetectionCount, LocalizationScores Scores)
{
    /// <summary>The frame's counts and sums, for pooling frames; left out of the JSON form.</summary>
    [JsonIgnore]
    public ScoreSums Sums { get; init; }
}
