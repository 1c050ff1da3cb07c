using Perrin.Analysis.Evaluation;
using Perrin.Core.Tables;
using static Perrin.Analysis.Tests.Evaluation.Locs;

namespace Perrin.Analysis.Tests.Evaluation;

public sealed class TruthIntensityBinsTests
{
    // iSCAT-like truths: signed contrast, dark and bright, one with no intensity and one past the last edge.
    private static readonly Localization[] Truth =
    [
        Photons(0, 1000, 1000, -0.005), Photons(0, 3000, 1000, 0.006), Photons(0, 5000, 1000, -0.03),
        Photons(1, 1000, 1000, 0.05), Photons(1, 3000, 3000, double.NaN), Photons(1, 6000, 6000, 2.0),
    ];

    [Fact]
    public void BinsTruthsByAbsoluteIntensityWithRecallAndRmseOfTheirPairs()
    {
        // Found: the bright 0.006 (30 nm off), the -0.03 (40 nm off), the 0.05 (0 off) and the NaN one; a stray detection too.
        Localization[] detections =
        [
            At(0, 3030, 1000), At(0, 5000, 1040), At(0, 8000, 8000),
            At(1, 1000, 1000), At(1, 3000, 3010),
        ];
        var result = LocalizationEvaluator.Evaluate(detections, Truth,
            new EvaluationOptions { LateralToleranceNm = 50, TruthIntensityEdges = [0, 0.01, 0.1] });

        Assert.Equal(2, result.ByTruthIntensity.Count);
        var dim = result.ByTruthIntensity[0];
        Assert.Equal((0.0, 0.01, 2, 1), (dim.Lower, dim.Upper, dim.Truths, dim.Matched));
        Assert.Equal(0.5, dim.Recall);
        Assert.Equal(30, dim.RmseLateralNm, 9);
        var bright = result.ByTruthIntensity[1];
        Assert.Equal((2, 2), (bright.Truths, bright.Matched));
        Assert.Equal(1, bright.Recall);
        Assert.Equal(Math.Sqrt(((40.0 * 40) + 0) / 2), bright.RmseLateralNm, 9);
        // The bins leave the NaN truth and the one past the edges out; the overall scores still count them.
        Assert.Equal(4, result.Overall.TruePositives);
        Assert.Equal(2, result.Overall.FalseNegatives);
    }

    [Fact]
    public void EmptyBinsHaveNoRecallOrRmseAndNoEdgesGiveNoBins()
    {
        var result = LocalizationEvaluator.Evaluate([], Truth, new EvaluationOptions { TruthIntensityEdges = [0.2, 0.5, 1] });
        Assert.All(result.ByTruthIntensity, b => Assert.Equal(0, b.Truths));
        Assert.All(result.ByTruthIntensity, b => Assert.True(double.IsNaN(b.Recall) && double.IsNaN(b.RmseLateralNm)));
        Assert.Empty(LocalizationEvaluator.Evaluate([], Truth).ByTruthIntensity);
    }

    [Theory]
    [InlineData(new[] { 0.1 })]
    [InlineData(new[] { 0.0, 0.1, 0.1 })]
    [InlineData(new[] { -0.1, 0.1 })]
    [InlineData(new[] { 0.0, double.PositiveInfinity })]
    public void UnusableEdgesAreRefusedByName(double[] edges)
    {
        var e = Assert.Throws<ArgumentException>(() => LocalizationEvaluator.Evaluate([], Truth, new EvaluationOptions { TruthIntensityEdges = edges }));
        Assert.Equal(nameof(EvaluationOptions.TruthIntensityEdges), e.ParamName);
    }
}
