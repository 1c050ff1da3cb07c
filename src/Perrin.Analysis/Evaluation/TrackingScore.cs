using Perrin.Core.Tables;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// Scores estimated tracks against ground-truth tracks (rows grouped by <see cref="Localization.Particle"/>).
/// <para>
/// Link recovery: in each frame the ground-truth and estimated points are matched one-to-one within the gate (most
/// pairs, then least summed distance); a true link is recovered when the matches of its two points are successive
/// points of one estimated track.
/// </para>
/// <para>
/// α, β and the Jaccard indices follow Chenouard et al. (2014). The distance between two tracks sums, over every frame
/// either is seen in, the gated distance min(‖x − y‖, ε) between their points, counting ε where only one of them is
/// seen; a dummy track is seen nowhere. Each ground-truth track is paired with one estimated track or a dummy so that
/// the summed distance d(X, Y) is least (an exact assignment); d(X, ∅) = ε · (ground-truth points) and d(Y′, ∅) =
/// ε · (points of the estimated tracks left unpaired).
/// </para>
/// </summary>
public static class TrackingScore
{
    /// <param name="truth">Ground-truth tracks; at least one row.</param>
    /// <param name="estimate">Estimated tracks; may be empty.</param>
    /// <param name="gate">ε, in the units of the positions (the ISBI challenge used 5 pixels).</param>
    /// <exception cref="ArgumentException">Empty ground truth, a bad gate, or rows that do not form tracks.</exception>
    public static TrackingScoreResult Compute(IReadOnlyList<Localization> truth, IReadOnlyList<Localization> estimate, double gate)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(estimate);
        if (!double.IsFinite(gate) || gate <= 0)
            throw new ArgumentOutOfRangeException(nameof(gate), gate, "the gate ε must be a positive distance");
        if (truth.Count == 0)
            throw new ArgumentException("the ground truth has no rows: there is nothing to score against", nameof(truth));

        var x = TrackingScoreTracks.From(truth, nameof(truth));
        var y = TrackingScoreTracks.From(estimate, nameof(estimate));
        var near = new TrackingScoreNeighbours(x, y, gate);

        var (truthLinks, recovered) = CountLinks(x, y, near.TruthMatch);
        var (estimatedLinks, correct) = CountLinks(y, x, near.EstimateMatch);
        var pairing = TrackingScorePairing.Solve(x, y, near, gate);

        double dNone = gate * x.Points;
        var dPaired = (gate * (x.Points - pairing.MatchedFrames)) + pairing.MatchedDistance;
        double spurious = gate * pairing.UnpairedEstimatePoints;
        return new TrackingScoreResult(
            gate,
            x.Count,
            y.Count,
            truthLinks,
            recovered,
            estimatedLinks,
            correct,
            pairing.Pairs,
            x.Count - pairing.Pairs,
            y.Count - pairing.Pairs,
            pairing.PairedPoints,
            x.Points,
            y.Points,
            1 - (dPaired / dNone),
            (dNone - dPaired) / (dNone + spurious));
    }

    /// <summary>
    /// Links of <paramref name="a"/> (successive points of a track), and how many of them join the matches of two
    /// successive points of one track of <paramref name="b"/>.
    /// </summary>
    private static (int Links, int Kept) CountLinks(TrackingScoreTracks a, TrackingScoreTracks b, int[] matchOfA)
    {
        int links = 0, kept = 0;
        for (var p = 0; p + 1 < a.Points; p++)
        {
            if (a.TrackOf[p] != a.TrackOf[p + 1])
                continue;
            links++;
            var (q, r) = (matchOfA[p], matchOfA[p + 1]);
            if (q >= 0 && r == q + 1 && b.TrackOf[q] == b.TrackOf[r])
                kept++;
        }

        return (links, kept);
    }
}
