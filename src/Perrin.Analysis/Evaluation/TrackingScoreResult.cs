namespace Perrin.Analysis.Evaluation;

/// <summary>
/// How well estimated tracks reproduce ground-truth tracks: link recovery, and the measures of the ISBI 2012
/// particle tracking challenge (Chenouard et al., Nature Methods 11:281, 2014).
/// </summary>
/// <param name="Gate">ε: the distance beyond which two points count as unrelated, in the units of the positions.</param>
/// <param name="TruthTracks">Ground-truth tracks.</param>
/// <param name="EstimatedTracks">Estimated tracks.</param>
/// <param name="TruthLinks">Links in the ground truth: pairs of successive points of one track.</param>
/// <param name="RecoveredLinks">
/// Ground-truth links whose two points (matched one-to-one per frame within the gate) are successive points of one
/// estimated track.
/// </param>
/// <param name="EstimatedLinks">Links in the estimated tracks.</param>
/// <param name="CorrectEstimatedLinks">Estimated links that join the matches of successive points of one true track.</param>
/// <param name="PairedTracks">Ground-truth tracks paired with an estimated track (TPθ).</param>
/// <param name="MissedTracks">Ground-truth tracks paired with no estimated track (FNθ).</param>
/// <param name="SpuriousTracks">Estimated tracks paired with no ground-truth track (FPθ).</param>
/// <param name="PairedPoints">Ground-truth points within the gate of their paired track's point in the same frame (TP).</param>
/// <param name="TruthPoints">Ground-truth points.</param>
/// <param name="EstimatedPoints">Estimated points.</param>
/// <param name="Alpha">α = 1 − d(X, Y) / d(X, ∅): 1 for perfect tracks, 0 for none; spurious tracks are not penalized.</param>
/// <param name="Beta">β = (d(X, ∅) − d(X, Y)) / (d(X, ∅) + d(Y′, ∅)): α penalized by the spurious tracks Y′.</param>
public sealed record TrackingScoreResult(
    double Gate,
    int TruthTracks,
    int EstimatedTracks,
    int TruthLinks,
    int RecoveredLinks,
    int EstimatedLinks,
    int CorrectEstimatedLinks,
    int PairedTracks,
    int MissedTracks,
    int SpuriousTracks,
    int PairedPoints,
    int TruthPoints,
    int EstimatedPoints,
    double Alpha,
    double Beta)
{
    /// <summary>The fraction of ground-truth links recovered; NaN when the ground truth has no links.</summary>
    public double LinkRecovery => TruthLinks == 0 ? double.NaN : (double)RecoveredLinks / TruthLinks;

    /// <summary>The fraction of estimated links that are right; NaN when no link was estimated.</summary>
    public double LinkPrecision => EstimatedLinks == 0 ? double.NaN : (double)CorrectEstimatedLinks / EstimatedLinks;

    /// <summary>JSCθ = TPθ / (TPθ + FNθ + FPθ), the Jaccard index of tracks.</summary>
    public double TrackJaccard => (double)PairedTracks / (PairedTracks + MissedTracks + SpuriousTracks);

    /// <summary>JSC = TP / (TP + FN + FP), the Jaccard index of points within paired tracks.</summary>
    public double PointJaccard => (double)PairedPoints / (TruthPoints + EstimatedPoints - PairedPoints);
}
