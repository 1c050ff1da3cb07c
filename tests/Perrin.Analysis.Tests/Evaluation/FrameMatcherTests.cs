using Perrin.Analysis.Assignment;
using Perrin.Analysis.Evaluation;
using Perrin.Core.Randomness;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Tests.Evaluation;

public class FrameMatcherTests
{
    [Theory]
    [InlineData(1UL, 40, 40, 2000.0)]
    [InlineData(2UL, 150, 120, 3000.0)]
    [InlineData(3UL, 300, 330, 4000.0)]
    [InlineData(4UL, 5, 200, 1500.0)]
    public void GridAndClustersFindTheSameOptimumAsTheFullProblem(ulong seed, int truthCount, int detectionCount, double field)
    {
        var random = new RandomStream(seed, 0);
        var truth = Scatter(random, truthCount, field);
        var detections = Scatter(random, detectionCount, field);

        var pairs = new FrameMatcher(new EvaluationOptions()).Match(truth, detections);

        var full = new AssignmentProblem(truthCount, detectionCount);
        for (var t = 0; t < truthCount; t++)
        {
            for (var d = 0; d < detectionCount; d++)
            {
                var distance = Math.Sqrt(Math.Pow(truth[t].X - detections[d].X, 2) + Math.Pow(truth[t].Y - detections[d].Y, 2));
                if (distance <= 250)
                    full.Add(t, d, distance);
            }
        }

        var reference = full.SolveMaximumPairs();
        Assert.Equal(reference.Pairs, pairs.Count);
        Assert.Equal(reference.PairedCost, pairs.Sum(p => p.LateralDistance), 1e-6);
        Assert.Equal(pairs.Count, pairs.Select(p => p.TruthIndex).Distinct().Count());
        Assert.Equal(pairs.Count, pairs.Select(p => p.DetectionIndex).Distinct().Count());

        var greedy = new FrameMatcher(new EvaluationOptions { Rule = MatchingRule.Greedy }).Match(truth, detections);
        Assert.True(greedy.Count <= pairs.Count);
        Assert.All(greedy, p => Assert.True(p.LateralDistance <= 250));
    }

    [Fact]
    public void FarApartAndHugeCoordinatesStillPair()
    {
        Localization[] truth = [new(0, 0, 0), new(0, 1e12, 1e12), new(0, -5e11, 3)];
        Localization[] detections = [new(0, 1e12 + 100, 1e12), new(0, 10, 10), new(0, -5e11, 200)];
        var pairs = new FrameMatcher(new EvaluationOptions()).Match(truth, detections);
        Assert.Equal([(0, 1), (1, 0), (2, 2)], pairs.Select(p => (p.TruthIndex, p.DetectionIndex)));
    }

    [Fact]
    public void RowsWithoutAFinitePositionPairWithNothing()
    {
        Localization[] truth = [new(0, 100, 100), new(0, double.NaN, 0)];
        Localization[] detections = [new(0, double.PositiveInfinity, 100), new(0, 110, 100)];
        var pairs = new FrameMatcher(new EvaluationOptions()).Match(truth, detections);
        Assert.Equal([(0, 1)], pairs.Select(p => (p.TruthIndex, p.DetectionIndex)));
    }

    private static Localization[] Scatter(RandomStream random, int count, double field)
    {
        var rows = new Localization[count];
        for (var i = 0; i < count; i++)
            rows[i] = new Localization(0, random.Uniform(0, field), random.Uniform(0, field));
        return rows;
    }
}
