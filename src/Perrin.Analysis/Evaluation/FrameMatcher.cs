using Perrin.Analysis.Spatial;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// Pairs the detections of one frame with its ground truth, one to one, within the tolerances of
/// <see cref="EvaluationOptions"/>. Candidate pairs come from a grid of tolerance-sized cells, so a frame costs
/// about O(n log n) for spread-out points; with the optimal rule each connected cluster of candidates is solved as
/// its own assignment problem. One matcher reuses its buffers across frames; it is not thread-safe.
/// </summary>
public sealed class FrameMatcher
{
    private readonly EvaluationOptions _options;
    private readonly double _toleranceSquared;
    private readonly PointGrid _grid = new();
    private readonly List<int> _near = [];
    private readonly List<MatchCandidate> _candidates = [];
    private readonly ClusterSolver _clusters = new();

    public FrameMatcher(EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _toleranceSquared = options.LateralToleranceNm * options.LateralToleranceNm;
    }

    /// <summary>
    /// Replaces the contents of <paramref name="pairs"/> with the pairs of this frame, ordered by truth index.
    /// Rows with a non-finite x or y pair with nothing.
    /// </summary>
    public void Match(ReadOnlySpan<Localization> truth, ReadOnlySpan<Localization> detections, List<MatchedPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        pairs.Clear();
        _candidates.Clear();
        if (truth.IsEmpty || detections.IsEmpty)
            return;
        _grid.Build(detections, _options.LateralToleranceNm);
        for (var t = 0; t < truth.Length; t++)
        {
            _near.Clear();
            _grid.Near(truth[t].X, truth[t].Y, _near);
            foreach (var d in _near)
            {
                if (Cost(truth[t], detections[d]) is { } cost)
                    _candidates.Add(new MatchCandidate(t, d, cost));
            }
        }

        if (_options.Rule == MatchingRule.Greedy)
            Greedy(truth.Length, detections.Length);
        else
            _clusters.Solve(_candidates, truth.Length, detections.Length);

        foreach (var c in _candidates)
        {
            if (c.Chosen)
            {
                var (t, d) = (truth[c.Truth], detections[c.Detection]);
                pairs.Add(new MatchedPair(c.Truth, c.Detection, d.X - t.X, d.Y - t.Y, d.Z - t.Z));
            }
        }
    }

    /// <summary>All pairs of a frame given as lists.</summary>
    public IReadOnlyList<MatchedPair> Match(IReadOnlyList<Localization> truth, IReadOnlyList<Localization> detections)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(detections);
        var pairs = new List<MatchedPair>();
        Match([.. truth], [.. detections], pairs);
        return pairs;
    }

    private double? Cost(in Localization truth, in Localization detection)
    {
        var dx = detection.X - truth.X;
        var dy = detection.Y - truth.Y;
        var lateral = (dx * dx) + (dy * dy);
        if (!(lateral <= _toleranceSquared))
            return null;
        if (_options.AxialToleranceNm is not { } zTolerance)
            return Math.Sqrt(lateral);
        var dz = detection.Z - truth.Z;
        return Math.Abs(dz) <= zTolerance ? Math.Sqrt(lateral + (dz * dz)) : null;
    }

    private void Greedy(int truthCount, int detectionCount)
    {
        var order = new int[_candidates.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;

        // Equal distances are broken by truth index, then detection index, so the result never depends on sort internals.
        Array.Sort(order, (a, b) =>
        {
            var (x, y) = (_candidates[a], _candidates[b]);
            var byCost = x.Cost.CompareTo(y.Cost);
            if (byCost != 0)
                return byCost;
            return x.Truth != y.Truth ? x.Truth.CompareTo(y.Truth) : x.Detection.CompareTo(y.Detection);
        });
        var truthUsed = new bool[truthCount];
        var detectionUsed = new bool[detectionCount];
        foreach (var i in order)
        {
            var c = _candidates[i];
            if (truthUsed[c.Truth] || detectionUsed[c.Detection])
                continue;
            truthUsed[c.Truth] = true;
            detectionUsed[c.Detection] = true;
            _candidates[i] = c with { Chosen = true };
        }
    }
}
