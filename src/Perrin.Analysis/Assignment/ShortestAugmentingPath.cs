namespace Perrin.Analysis.Assignment;

/// <summary>
/// Solves an <see cref="AssignmentProblem"/> exactly as a perfect matching on the augmented graph of Jaqaman et al.
/// (u-track, 2008): left nodes are the rows plus one "unpaired" node per column, right nodes are the columns plus one
/// "unpaired" node per row. Row i pairs with its own unpaired node at the row penalty, column j's unpaired node with
/// column j at the column penalty, and column j's unpaired node with row i's at zero cost wherever (i, j) is allowed,
/// which keeps the graph sparse and a perfect matching always possible. The matching is grown one shortest
/// augmenting path at a time (Dijkstra on reduced costs with node potentials), so the cost is
/// O(nodes · edges · log nodes) at worst and far less on the sparse, clustered graphs of particle linking.
/// </summary>
internal static class ShortestAugmentingPath
{
    public static AssignmentResult Solve(AssignmentProblem problem, double rowPenalty, double columnPenalty)
    {
        var n = problem.Rows;
        var m = problem.Columns;
        var graph = Build(problem, rowPenalty, columnPenalty);
        var left = n + m;
        var nodes = 2 * left;

        // Left node a is index a; right node b is index left + b.
        var matchLeft = new int[left];
        var matchRight = new int[left];
        Array.Fill(matchLeft, -1);
        Array.Fill(matchRight, -1);
        var potential = new double[nodes];
        var distance = new double[nodes];
        Array.Fill(distance, double.PositiveInfinity);
        var done = new bool[nodes];
        var previous = new int[left];
        var touched = new List<int>();
        var finalized = new List<int>();
        var heap = new PriorityQueue<int, double>();

        for (var source = 0; source < left; source++)
        {
            heap.Clear();
            distance[source] = 0;
            touched.Add(source);
            heap.Enqueue(source, 0);
            var target = -1;
            var reach = 0.0;
            while (heap.TryDequeue(out var node, out var d))
            {
                if (done[node] || d > distance[node]) continue;
                done[node] = true;
                finalized.Add(node);
                if (node >= left)
                {
                    var b = node - left;
                    if (matchRight[b] < 0)
                    {
                        target = b;
                        reach = d;
                        break;
                    }

                    // The only way out of a matched right node is back along its (tight) matched edge.
                    var a = matchRight[b];
                    if (!done[a] && d < distance[a])
                    {
                        if (double.IsPositiveInfinity(distance[a])) touched.Add(a);
                        distance[a] = d;
                        heap.Enqueue(a, d);
                    }

                    continue;
                }

                for (var e = graph.Start[node]; e < graph.Start[node + 1]; e++)
                {
                    var b = graph.Target[e];
                    if (b == matchLeft[node]) continue;
                    var rb = left + b;
                    if (done[rb]) continue;

                    // Rounding can leave a reduced cost a hair below zero; Dijkstra needs it non-negative.
                    var reduced = Math.Max(0.0, graph.Cost[e] + potential[node] - potential[rb]);
                    var nd = d + reduced;
                    if (nd < distance[rb])
                    {
                        if (double.IsPositiveInfinity(distance[rb])) touched.Add(rb);
                        distance[rb] = nd;
                        previous[b] = node;
                        heap.Enqueue(rb, nd);
                    }
                }
            }

            if (target < 0)
                throw new InvalidOperationException("assignment: the augmented graph has no perfect matching, which its construction rules out");

            foreach (var x in finalized)
                if (distance[x] < reach) potential[x] -= reach - distance[x];

            for (var b = target; b >= 0;)
            {
                var a = previous[b];
                var next = matchLeft[a];
                matchLeft[a] = b;
                matchRight[b] = a;
                b = a == source ? -1 : next;
            }

            foreach (var x in touched)
            {
                distance[x] = double.PositiveInfinity;
                done[x] = false;
            }

            touched.Clear();
            finalized.Clear();
        }

        return Read(problem, graph, matchLeft);
    }

    private static AssignmentResult Read(AssignmentProblem problem, AugmentedGraph graph, int[] matchLeft)
    {
        var n = problem.Rows;
        var m = problem.Columns;
        var rowToColumn = new int[n];
        var columnToRow = new int[m];
        Array.Fill(columnToRow, -1);
        var cost = 0.0;
        for (var i = 0; i < n; i++)
        {
            var b = matchLeft[i];
            rowToColumn[i] = b < m ? b : -1;
            if (b >= m) continue;
            columnToRow[b] = i;
            cost += graph.CheapestPair(i, b);
        }

        return new AssignmentResult(rowToColumn, columnToRow, cost);
    }

    private static AugmentedGraph Build(AssignmentProblem problem, double rowPenalty, double columnPenalty)
    {
        var n = problem.Rows;
        var m = problem.Columns;
        var edges = problem.EdgeCount;
        var degree = new int[n + m + 1];
        for (var e = 0; e < edges; e++)
        {
            degree[problem.RowOf(e)]++;
            degree[n + problem.ColumnOf(e)]++;
        }

        var start = new int[n + m + 1];
        for (var a = 0; a < n + m; a++) start[a + 1] = start[a] + degree[a] + 1;
        var target = new int[start[n + m]];
        var cost = new double[start[n + m]];
        var fill = new int[n + m];
        Array.Copy(start, fill, n + m);
        for (var i = 0; i < n; i++)
        {
            target[fill[i]] = m + i;
            cost[fill[i]++] = rowPenalty;
        }

        for (var j = 0; j < m; j++)
        {
            target[fill[n + j]] = j;
            cost[fill[n + j]++] = columnPenalty;
        }

        for (var e = 0; e < edges; e++)
        {
            var i = problem.RowOf(e);
            var j = problem.ColumnOf(e);
            target[fill[i]] = j;
            cost[fill[i]++] = problem.CostOf(e);
            target[fill[n + j]] = m + i;
            cost[fill[n + j]++] = 0;
        }

        return new AugmentedGraph(start, target, cost);
    }
}
