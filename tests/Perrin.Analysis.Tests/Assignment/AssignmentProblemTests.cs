using Perrin.Analysis.Assignment;
using Perrin.Core.Randomness;

namespace Perrin.Analysis.Tests.Assignment;

public class AssignmentProblemTests
{
    [Fact]
    public void TheClassicSquareExampleHasItsKnownOptimum()
    {
        // Rows × columns costs with the unique optimum 0→1, 1→0, 2→2 (1 + 2 + 2 = 5).
        double[,] c = { { 4, 1, 3 }, { 2, 0, 5 }, { 3, 2, 2 } };
        var p = Dense(c, cutoff: double.PositiveInfinity);
        var r = p.SolveMaximumPairs();
        Assert.Equal(new[] { 1, 0, 2 }, r.RowToColumn);
        Assert.Equal(new[] { 1, 0, 2 }, r.ColumnToRow);
        Assert.Equal(5.0, r.PairedCost);
        Assert.Equal(3, r.Pairs);
    }

    [Fact]
    public void PenaltiesDecideBetweenPairingAndLeavingUnpaired()
    {
        var p = new AssignmentProblem(1, 1);
        p.Add(0, 0, 3.0);
        Assert.Equal(1, p.Solve(2.0, 2.0).Pairs);   // 3 < 2 + 2
        Assert.Equal(0, p.Solve(1.0, 1.0).Pairs);   // 3 > 1 + 1
        Assert.Equal(-1, p.Solve(1.0, 1.0).RowToColumn[0]);
    }

    [Fact]
    public void MaximumPairsPrefersMorePairsOverACheaperPair()
    {
        // Row 0 is close to column 0, but taking it leaves row 1 (which can only use column 0) unpaired.
        var p = new AssignmentProblem(2, 2);
        p.Add(0, 0, 0.1);
        p.Add(0, 1, 0.9);
        p.Add(1, 0, 0.9);
        var r = p.SolveMaximumPairs();
        Assert.Equal(2, r.Pairs);
        Assert.Equal(new[] { 1, 0 }, r.RowToColumn);
        Assert.Equal(1.8, r.PairedCost, 12);
    }

    [Fact]
    public void EmptyAndEdgelessProblemsLeaveEverythingUnpaired()
    {
        Assert.Equal(0, new AssignmentProblem(0, 0).SolveMaximumPairs().Pairs);
        var r = new AssignmentProblem(3, 2).Solve(1, 1);
        Assert.Equal(new[] { -1, -1, -1 }, r.RowToColumn);
        Assert.Equal(new[] { -1, -1 }, r.ColumnToRow);
    }

    [Fact]
    public void BadInputIsRefusedWithTheFieldNamed()
    {
        var p = new AssignmentProblem(2, 2);
        Assert.Contains("row 2", Assert.Throws<ArgumentOutOfRangeException>(() => p.Add(2, 0, 1)).Message);
        Assert.Contains("column -1", Assert.Throws<ArgumentOutOfRangeException>(() => p.Add(0, -1, 1)).Message);
        Assert.Contains("finite", Assert.Throws<ArgumentOutOfRangeException>(() => p.Add(0, 0, double.NaN)).Message);
        Assert.Contains("rowUnpairedCost", Assert.Throws<ArgumentOutOfRangeException>(() => p.Solve(-1, 0)).Message);
        Assert.Throws<ArgumentException>(() => new AssignmentProblem(-1, 2));
    }

    [Fact]
    public void RandomProblemsMatchExhaustiveSearch()
    {
        var rng = new RandomStream(7, 0);
        for (var trial = 0; trial < 400; trial++)
        {
            var n = rng.NextInt(6);
            var m = rng.NextInt(6);
            var cost = new double[n, m];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < m; j++)
                    cost[i, j] = rng.NextDouble() < 0.35 ? double.PositiveInfinity : Math.Round(rng.Uniform(0, 10), 1);
            var rowPenalty = Math.Round(rng.Uniform(0, 6), 1);
            var colPenalty = Math.Round(rng.Uniform(0, 6), 1);

            var r = Dense(cost, double.PositiveInfinity).Solve(rowPenalty, colPenalty);
            var total = r.PairedCost + ((n - r.Pairs) * rowPenalty) + ((m - r.Pairs) * colPenalty);
            var best = Exhaustive(cost, rowPenalty, colPenalty, maxPairsFirst: false);
            Assert.Equal(best.Total, total, 9);
            CheckConsistent(cost, r);

            var mp = Dense(cost, double.PositiveInfinity).SolveMaximumPairs();
            var bestPairs = Exhaustive(cost, 0, 0, maxPairsFirst: true);
            Assert.Equal(bestPairs.Pairs, mp.Pairs);
            Assert.Equal(bestPairs.Total, mp.PairedCost, 9);
            CheckConsistent(cost, mp);
        }
    }

    [Fact]
    public void ALargeSparseCrowdIsSolvedAndConsistent()
    {
        // 2000 points moved slightly, linked within a radius: every point should find its own partner.
        var rng = new RandomStream(3, 1);
        const int count = 2000;
        var x = new double[count];
        var y = new double[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = rng.Uniform(0, 200);
            y[i] = rng.Uniform(0, 200);
        }

        var p = new AssignmentProblem(count, count);
        for (var i = 0; i < count; i++)
            for (var j = 0; j < count; j++)
            {
                var dx = x[i] - (x[j] + 0.05);
                var dy = y[i] - (y[j] - 0.05);
                var d2 = (dx * dx) + (dy * dy);
                if (d2 < 4) p.Add(i, j, d2);
            }

        var r = p.Solve(2, 2);
        var own = 0;
        for (var i = 0; i < count; i++)
            if (r.RowToColumn[i] == i) own++;
        Assert.True(own > count * 0.99, $"{own} of {count} points kept their partner");
    }

    private static void CheckConsistent(double[,] cost, AssignmentResult r)
    {
        for (var i = 0; i < r.RowToColumn.Count; i++)
        {
            var j = r.RowToColumn[i];
            if (j < 0) continue;
            Assert.Equal(i, r.ColumnToRow[j]);
            Assert.True(double.IsFinite(cost[i, j]));
        }
    }

    private static AssignmentProblem Dense(double[,] cost, double cutoff)
    {
        var p = new AssignmentProblem(cost.GetLength(0), cost.GetLength(1));
        for (var i = 0; i < cost.GetLength(0); i++)
            for (var j = 0; j < cost.GetLength(1); j++)
                if (cost[i, j] < cutoff) p.Add(i, j, cost[i, j]);
        return p;
    }

    private static (int Pairs, double Total) Exhaustive(double[,] cost, double rowPenalty, double colPenalty, bool maxPairsFirst)
    {
        var n = cost.GetLength(0);
        var m = cost.GetLength(1);
        var used = new bool[m];
        var best = (Pairs: -1, Total: double.PositiveInfinity);

        void Visit(int i, int pairs, double paired)
        {
            if (i == n)
            {
                var total = paired + ((n - pairs) * rowPenalty) + ((m - pairs) * colPenalty);
                var better = maxPairsFirst
                    ? pairs > best.Pairs || (pairs == best.Pairs && total < best.Total)
                    : total < best.Total;
                if (better) best = (pairs, total);
                return;
            }

            Visit(i + 1, pairs, paired);
            for (var j = 0; j < m; j++)
            {
                if (used[j] || !double.IsFinite(cost[i, j])) continue;
                used[j] = true;
                Visit(i + 1, pairs + 1, paired + cost[i, j]);
                used[j] = false;
            }
        }

        Visit(0, 0, 0);
        return best;
    }
}
