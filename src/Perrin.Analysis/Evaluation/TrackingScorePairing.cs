using Perrin.Analysis.Assignment;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// The optimal pairing of ground-truth tracks with estimated tracks or dummies, and the sums the scores need.
/// Pairing track x with y instead of a dummy saves s = ε·|x| − d(x, y) = ε·(common frames + near frames − |y|) −
/// (summed near distances), so only pairs that come within the gate can save anything. The solver takes one unpaired
/// cost for all rows, so the savings are turned into costs S − s with S the largest saving and half of S charged
/// for each unpaired side: then a set of pairs costs a constant minus its summed savings.
/// </summary>
internal sealed record TrackingScorePairing(int Pairs, long MatchedFrames, double MatchedDistance, int PairedPoints, int UnpairedEstimatePoints)
{
    public static TrackingScorePairing Solve(TrackingScoreTracks truth, TrackingScoreTracks estimate, TrackingScoreNeighbours near, double gate)
    {
        var candidates = new List<(int Truth, int Estimate, long Frames, int Near, double Distance, double Saving)>();
        foreach (var ((t, e), (count, distance)) in near.TrackPairs.OrderBy(p => p.Key.Truth).ThenBy(p => p.Key.Estimate))
        {
            long frames = TrackingScoreTracks.CommonFrames(truth, t, estimate, e) + count - estimate.Length(e);
            var saving = (gate * frames) - distance;
            if (saving > 0)
                candidates.Add((t, e, frames, count, distance, saving));
        }

        var paired = new bool[estimate.Count];
        int pairs = 0, pairedPoints = 0;
        long matchedFrames = 0;
        var matchedDistance = 0.0;
        if (candidates.Count > 0)
        {
            var top = candidates.Max(c => c.Saving);
            var problem = new AssignmentProblem(truth.Count, estimate.Count);
            foreach (var c in candidates)
                problem.Add(c.Truth, c.Estimate, top - c.Saving);
            var result = problem.Solve(top / 2, top / 2);
            foreach (var c in candidates)
            {
                if (result.RowToColumn[c.Truth] != c.Estimate)
                    continue;
                paired[c.Estimate] = true;
                pairs++;
                pairedPoints += c.Near;
                matchedFrames += c.Frames;
                matchedDistance += c.Distance;
            }
        }

        var unpairedPoints = 0;
        for (var e = 0; e < estimate.Count; e++)
        {
            if (!paired[e])
                unpairedPoints += estimate.Length(e);
        }

        return new TrackingScorePairing(pairs, matchedFrames, matchedDistance, pairedPoints, unpairedPoints);
    }
}
