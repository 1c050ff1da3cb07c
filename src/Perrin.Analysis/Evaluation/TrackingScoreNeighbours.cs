using Perrin.Analysis.Assignment;
using Perrin.Analysis.Spatial;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// Ground-truth and estimated points of the same frame closer than the gate: the one-to-one match of each frame
/// (most pairs, then least summed distance), and for every pair of tracks that come that close, how often and the
/// summed distance.
/// </summary>
internal sealed class TrackingScoreNeighbours
{
    public TrackingScoreNeighbours(TrackingScoreTracks truth, TrackingScoreTracks estimate, double gate)
    {
        TruthMatch = new int[truth.Points];
        EstimateMatch = new int[estimate.Points];
        Array.Fill(TruthMatch, -1);
        Array.Fill(EstimateMatch, -1);
        Check(truth, gate, "truth");
        Check(estimate, gate, "estimate");

        var grid = new PointGrid();
        var found = new List<int>();
        var frames = truth.ByFrame.Keys.Where(estimate.ByFrame.ContainsKey).Order().ToList();
        foreach (var frame in frames)
        {
            var truthPoints = truth.ByFrame[frame];
            var estimatePoints = estimate.ByFrame[frame];
            var ex = new double[estimatePoints.Count];
            var ey = new double[estimatePoints.Count];
            for (var j = 0; j < ex.Length; j++)
            {
                ex[j] = estimate.X[estimatePoints[j]];
                ey[j] = estimate.Y[estimatePoints[j]];
            }

            grid.Build(ex, ey, gate);
            var problem = new AssignmentProblem(truthPoints.Count, estimatePoints.Count);
            for (var i = 0; i < truthPoints.Count; i++)
            {
                var p = truthPoints[i];
                found.Clear();
                grid.Near(truth.X[p], truth.Y[p], found);
                foreach (var j in found)
                {
                    var d = Math.Sqrt(((ex[j] - truth.X[p]) * (ex[j] - truth.X[p])) + ((ey[j] - truth.Y[p]) * (ey[j] - truth.Y[p])));
                    if (d >= gate)
                        continue;
                    problem.Add(i, j, d);
                    var key = (truth.TrackOf[p], estimate.TrackOf[estimatePoints[j]]);
                    var (count, sum) = TrackPairs.GetValueOrDefault(key);
                    TrackPairs[key] = (count + 1, sum + d);
                }
            }

            var match = problem.SolveMaximumPairs();
            for (var i = 0; i < truthPoints.Count; i++)
            {
                var j = match.RowToColumn[i];
                if (j < 0)
                    continue;
                TruthMatch[truthPoints[i]] = estimatePoints[j];
                EstimateMatch[estimatePoints[j]] = truthPoints[i];
            }
        }
    }

    /// <summary>The estimated point matched to each ground-truth point, or −1.</summary>
    public int[] TruthMatch { get; }

    /// <summary>The ground-truth point matched to each estimated point, or −1.</summary>
    public int[] EstimateMatch { get; }

    /// <summary>For (ground-truth track, estimated track): frames in which their points are within the gate, and the summed distance there.</summary>
    public Dictionary<(int Truth, int Estimate), (int Near, double Distance)> TrackPairs { get; } = [];

    private static void Check(TrackingScoreTracks tracks, double gate, string parameter)
    {
        for (var p = 0; p < tracks.Points; p++)
        {
            if (!double.IsFinite(tracks.X[p]) || !double.IsFinite(tracks.Y[p]))
                throw new ArgumentException($"the point ({tracks.X[p]}, {tracks.Y[p]}) in frame {tracks.Frame[p]} has no finite position", parameter);
        }
    }
}
