using Perrin.Analysis.Evaluation;
using Perrin.Core.Tables;
using static Perrin.Analysis.Tests.Evaluation.Locs;

namespace Perrin.Analysis.Tests.Evaluation;

public class LocalizationEvaluatorTests
{
    private static readonly Localization[] Grid =
    [
        At(0, 1000, 1000), At(0, 3000, 1000), At(0, 1000, 3000),
        At(1, 2000, 2000), At(1, 5000, 500),
        At(4, 700, 4000),
    ];

    [Fact]
    public void APureShiftGivesRmseAndBiasEqualToTheShift()
    {
        var detections = Grid.Select(t => t with { X = t.X + 30, Y = t.Y - 40 }).ToArray();
        var s = LocalizationEvaluator.Evaluate(detections, Grid).Overall;
        Assert.Equal((6L, 0L, 0L), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
        Assert.Equal(100.0, s.JaccardPercent);
        Assert.Equal((1.0, 1.0, 1.0), (s.Recall, s.Precision, s.F1));
        Assert.Equal(50.0, s.RmseLateralNm);
        Assert.Equal(30.0, s.RmseXNm);
        Assert.Equal(40.0, s.RmseYNm);
        Assert.Equal(30.0, s.BiasXNm);
        Assert.Equal(-40.0, s.BiasYNm);
        Assert.Equal(50.0, s.EfficiencyLateral);
        Assert.Equal(50.0, s.Efficiency);
        Assert.True(double.IsNaN(s.RmseAxialNm) && double.IsNaN(s.EfficiencyAxial) && double.IsNaN(s.BiasZNm));
    }

    [Fact]
    public void ExtraDetectionsAreFalsePositivesAndMissingOnesFalseNegatives()
    {
        // Two far-away extras in frame 0, and the truths of frame 1 not found at all.
        var detections = Grid.Where(t => t.Frame != 1).Append(At(0, 8000, 8000)).Append(At(0, 1000, 1300)).ToArray();
        var r = LocalizationEvaluator.Evaluate(detections, Grid);
        var s = r.Overall;
        Assert.Equal((4L, 2L, 2L), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
        Assert.Equal(50.0, s.JaccardPercent);
        Assert.Equal(4.0 / 6, s.Recall);
        Assert.Equal(4.0 / 6, s.Precision);
        Assert.Equal(8.0 / 12, s.F1);
        Assert.Equal(0.0, s.RmseLateralNm);
        Assert.Equal(50.0, s.EfficiencyLateral);

        var frame1 = r.Frames.Single(f => f.Frame == 1);
        Assert.Equal((2, 0, 0L, 2L), (frame1.TruthCount, frame1.DetectionCount, frame1.Scores.TruePositives, frame1.Scores.FalseNegatives));
        Assert.True(double.IsNaN(frame1.Scores.RmseLateralNm) && double.IsNaN(frame1.Scores.Precision));
        Assert.Equal(0.0, frame1.Scores.Recall);
    }

    [Theory]
    [InlineData(1200.0, true)]          // 150² + 200² = 250²: on the tolerance counts as inside
    [InlineData(1200.001, false)]
    public void TheToleranceIsInclusive(double y, bool paired)
    {
        var s = LocalizationEvaluator.Evaluate([At(0, 1150, y)], [At(0, 1000, 1000)]).Overall;
        Assert.Equal(paired ? 1 : 0, s.TruePositives);
        Assert.Equal(paired ? 0 : 1, s.FalsePositives);
        Assert.Equal(paired ? 0 : 1, s.FalseNegatives);
        if (paired)
            Assert.Equal(250.0, s.RmseLateralNm);
    }

    [Fact]
    public void ACustomToleranceApplies()
    {
        var options = new EvaluationOptions { LateralToleranceNm = 100 };
        var s = LocalizationEvaluator.Evaluate([At(0, 1100, 1000), At(0, 3000, 1100.5)], [At(0, 1000, 1000), At(0, 3000, 1000)], options).Overall;
        Assert.Equal((1L, 1L, 1L), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
    }

    [Theory]
    [InlineData(MatchingRule.Optimal)]
    [InlineData(MatchingRule.Greedy)]
    public void TwoDetectionsEquidistantFromOneTruthGiveOnePairAndOneFalsePositive(MatchingRule rule)
    {
        var r = LocalizationEvaluator.Evaluate([At(0, 1100, 1000), At(0, 900, 1000)], [At(0, 1000, 1000)], new EvaluationOptions { Rule = rule });
        var s = r.Overall;
        Assert.Equal((1L, 1L, 0L), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
        Assert.Equal(100.0, s.RmseLateralNm);
        Assert.Equal(100.0, s.RmseXNm);
        Assert.Equal(0.0, s.RmseYNm);
        Assert.Equal(100.0, Math.Abs(s.BiasXNm));
        if (rule == MatchingRule.Greedy)
            Assert.Equal(100.0, s.BiasXNm); // equal distances go to the lower detection index
    }

    [Fact]
    public void TwoTruthsEquidistantFromOneDetectionGiveOnePairAndOneFalseNegative()
    {
        var s = LocalizationEvaluator.Evaluate([At(0, 1000, 1000)], [At(0, 1000, 880), At(0, 1000, 1120)]).Overall;
        Assert.Equal((1L, 0L, 1L), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
        Assert.Equal(120.0, s.RmseLateralNm);
        Assert.Equal(120.0, Math.Abs(s.BiasYNm));
    }

    [Fact]
    public void InACrowdGreedyPairsFewerThanTheOptimalRule()
    {
        // Detection 0 is nearest truth 0, but it is truth 1's only candidate; truth 0 also reaches detection 1.
        Localization[] truth = [At(0, 1000, 1000), At(0, 1300, 1000)];
        Localization[] detections = [At(0, 1100, 1000), At(0, 800, 1000)];

        var optimal = LocalizationEvaluator.Evaluate(detections, truth).Overall;
        Assert.Equal((2L, 0L, 0L), (optimal.TruePositives, optimal.FalsePositives, optimal.FalseNegatives));
        Assert.Equal(200.0, optimal.RmseLateralNm);
        Assert.Equal(-200.0, optimal.BiasXNm);

        var greedy = LocalizationEvaluator.Evaluate(detections, truth, new EvaluationOptions { Rule = MatchingRule.Greedy }).Overall;
        Assert.Equal((1L, 1L, 1L), (greedy.TruePositives, greedy.FalsePositives, greedy.FalseNegatives));
        Assert.Equal(100.0, greedy.RmseLateralNm);
        Assert.Equal(100.0 / 3, greedy.JaccardPercent);
    }

    [Fact]
    public void FramesInOnlyOneTableCountAsAllMissedOrAllFalse()
    {
        Localization[] truth = [At(0, 100, 100), At(0, 900, 900), At(1, 500, 500)];
        Localization[] detections = [At(1, 510, 500), At(2, 100, 100), At(7, 0, 0)];
        var r = LocalizationEvaluator.Evaluate(detections, truth);
        Assert.Equal([0, 1, 2, 7], r.Frames.Select(f => f.Frame));
        Assert.Equal([2, 1, 0, 0], r.Frames.Select(f => f.TruthCount));
        Assert.Equal([0, 1, 1, 1], r.Frames.Select(f => f.DetectionCount));
        Assert.Equal([0L, 1L, 0L, 0L], r.Frames.Select(f => f.Scores.TruePositives));
        Assert.Equal((1L, 2L, 2L), (r.Overall.TruePositives, r.Overall.FalsePositives, r.Overall.FalseNegatives));
        Assert.Equal(20.0, r.Overall.JaccardPercent);
        Assert.Equal(10.0, r.Overall.RmseLateralNm);
    }

    [Fact]
    public void TheSameFrameNumberIsNeededToPair()
    {
        var s = LocalizationEvaluator.Evaluate([At(1, 1000, 1000)], [At(0, 1000, 1000)]).Overall;
        Assert.Equal((0L, 1L, 1L), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
        Assert.Equal(0.0, s.JaccardPercent);
        Assert.True(double.IsNaN(s.Efficiency));
    }

    [Fact]
    public void EfficiencyMatchesHandComputedValuesIn2DAnd3D()
    {
        // 7 pairs, 2 false positives, 1 false negative: JI = 70 %. Every pair is off by 40 nm in x and 32 nm in z:
        // E_lat = 100 − sqrt(30² + 40²) = 50, E_ax = 100 − sqrt(30² + (0.5·32)²) = 66, combined 58.
        var truth = Enumerable.Range(0, 8).Select(i => At(i % 3, 1000 * i, 500, 100)).ToArray();
        var detections = truth.Take(7).Select(t => t with { X = t.X + 40, Z = t.Z + 32 })
            .Append(At(0, 20000, 20000, 0)).Append(At(5, 0, 0, 0)).ToArray();
        var s = LocalizationEvaluator.Evaluate(detections, truth, new EvaluationOptions { AxialToleranceNm = 500 }).Overall;
        Assert.Equal((7L, 2L, 1L), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
        Assert.Equal(70.0, s.JaccardPercent);
        Assert.Equal(40.0, s.RmseLateralNm);
        Assert.Equal(32.0, s.RmseAxialNm);
        Assert.Equal(32.0, s.BiasZNm);
        Assert.Equal(50.0, s.EfficiencyLateral);
        Assert.Equal(66.0, s.EfficiencyAxial);
        Assert.Equal(58.0, s.Efficiency);
    }

    [Theory]
    [InlineData(100.0, 0.0, 1.0, 100.0)]
    [InlineData(0.0, 0.0, 1.0, 0.0)]
    [InlineData(94.0, 8.0, 1.0, 90.0)]
    [InlineData(70.0, 80.0, 0.5, 50.0)]
    [InlineData(50.0, 120.0, 1.0, -30.0)]
    public void EfficiencyFormula(double jaccard, double rmse, double alpha, double expected) =>
        Assert.Equal(expected, Efficiency.Of(jaccard, rmse, alpha));

    [Fact]
    public void TheAxialToleranceIsInclusiveAndRowsWithoutZDoNotPair()
    {
        var options = new EvaluationOptions { AxialToleranceNm = 500 };
        Localization[] truth = [At(0, 1000, 1000, 0), At(0, 3000, 1000, 0), At(0, 5000, 1000, 0)];
        Localization[] detections = [At(0, 1000, 1000, 500), At(0, 3000, 1000, -500.5), At(0, 5000, 1000)];
        var s = LocalizationEvaluator.Evaluate(detections, truth, options).Overall;
        Assert.Equal((1L, 2L, 2L), (s.TruePositives, s.FalsePositives, s.FalseNegatives));
        Assert.Equal(500.0, s.RmseAxialNm);

        // Without an axial tolerance all three pair laterally; the z error is averaged where both have a z.
        var planar = LocalizationEvaluator.Evaluate(detections, truth).Overall;
        Assert.Equal(3L, planar.TruePositives);
        Assert.Equal(Math.Sqrt(((500.0 * 500) + (500.5 * 500.5)) / 2), planar.RmseAxialNm);
        Assert.Equal(-0.25, planar.BiasZNm);
    }

    [Fact]
    public void BadInputGivesArgumentExceptionsNamingTheProblem()
    {
        Assert.Contains("lateral tolerance", Assert.Throws<ArgumentException>(() =>
            LocalizationEvaluator.Evaluate([], [At(0, 0, 0)], new EvaluationOptions { LateralToleranceNm = -1 })).Message);
        Assert.Contains("axial tolerance", Assert.Throws<ArgumentException>(() =>
            LocalizationEvaluator.Evaluate([], [At(0, 0, 0)], new EvaluationOptions { AxialToleranceNm = double.NaN })).Message);
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() =>
            LocalizationEvaluator.Evaluate([At(0, 0, 0), At(0, double.NaN, 0)], [At(0, 0, 0)])).Message);
    }

    [Fact]
    public void EmptyInputsGiveDefinedResults()
    {
        var none = LocalizationEvaluator.Evaluate([], []);
        Assert.Empty(none.Frames);
        Assert.Equal(0L, none.Overall.TruePositives);
        Assert.True(double.IsNaN(none.Overall.JaccardPercent));

        var missed = LocalizationEvaluator.Evaluate([], Grid).Overall;
        Assert.Equal((0L, 0L, 6L), (missed.TruePositives, missed.FalsePositives, missed.FalseNegatives));
        Assert.Equal(0.0, missed.JaccardPercent);
    }
}
