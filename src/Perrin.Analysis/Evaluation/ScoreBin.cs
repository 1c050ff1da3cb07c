namespace Perrin.Analysis.Evaluation;

/// <summary>
/// The pooled scores of the frames whose per-frame quantity fell in [<see cref="Lower"/>, <see cref="Upper"/>)
/// (the last bin includes its upper edge).
/// </summary>
public sealed record ScoreBin(double Lower, double Upper, int Frames, LocalizationScores Scores);
