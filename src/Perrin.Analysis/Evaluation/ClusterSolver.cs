using Perrin.Analysis.Assignment;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// Chooses the optimal pairs among a frame's candidates: the candidates split into clusters that share no truth and
/// no detection, and each cluster is its own maximum-pairs assignment problem, so a dense frame costs what its
/// clusters cost rather than what the whole frame would.
/// </summary>
internal sealed class ClusterSolver
{
    private int[] _parent = [];
    private int[] _local = [];

    public void Solve(List<MatchCandidate> candidates, int truthCount, int detectionCount)
    {
        var nodes = truthCount + detectionCount;
        if (_parent.Length < nodes)
        {
            _parent = new int[Math.Max(nodes, 2 * _parent.Length)];
            _local = new int[_parent.Length];
        }

        for (var i = 0; i < nodes; i++)
            _parent[i] = i;
        foreach (var c in candidates)
            Union(c.Truth, truthCount + c.Detection);

        var clusters = new Dictionary<int, List<int>>();
        var roots = new List<int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var root = Find(candidates[i].Truth);
            if (!clusters.TryGetValue(root, out var members))
            {
                members = [];
                clusters.Add(root, members);
                roots.Add(root);
            }

            members.Add(i);
        }

        foreach (var root in roots)
            SolveCluster(candidates, clusters[root], truthCount);
    }

    private void SolveCluster(List<MatchCandidate> candidates, List<int> members, int truthCount)
    {
        if (members.Count == 1)
        {
            candidates[members[0]] = candidates[members[0]] with { Chosen = true };
            return;
        }

        // Local row and column numbers in order of first appearance; −1 marks a node not yet numbered.
        int rows = 0, columns = 0;
        foreach (var i in members)
        {
            _local[candidates[i].Truth] = -1;
            _local[truthCount + candidates[i].Detection] = -1;
        }

        foreach (var i in members)
        {
            var c = candidates[i];
            if (_local[c.Truth] < 0)
                _local[c.Truth] = rows++;
            if (_local[truthCount + c.Detection] < 0)
                _local[truthCount + c.Detection] = columns++;
        }

        var problem = new AssignmentProblem(rows, columns);
        foreach (var i in members)
        {
            var c = candidates[i];
            problem.Add(_local[c.Truth], _local[truthCount + c.Detection], c.Cost);
        }

        var result = problem.SolveMaximumPairs();
        foreach (var i in members)
        {
            var c = candidates[i];
            if (result.RowToColumn[_local[c.Truth]] == _local[truthCount + c.Detection])
                candidates[i] = c with { Chosen = true };
        }
    }

    private int Find(int node)
    {
        // Path halving keeps the trees shallow without recursion.
        while (_parent[node] != node)
        {
            _parent[node] = _parent[_parent[node]];
            node = _parent[node];
        }

        return node;
    }

    private void Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb)
            _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
