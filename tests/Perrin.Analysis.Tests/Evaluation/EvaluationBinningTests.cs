using Perrin.Analysis.Evaluation;
using Perrin.Core.Tables;
using static Perrin.Analysis.Tests.Evaluation.Locs;

namespace Perrin.Analysis.Tests.Evaluation;

public class EvaluationBinningTests
{
    [Fact]
    public void FramesArePooledByTheirQuantity()
    {
        // Frame f has f + 1 truths; the detections find all of frame 0 and 1 with a 10 nm error and none of frames 2 and 3.
        var truth = new List<Localization>();
        var detections = new List<Localization>();
        for (var f = 0; f < 4; f++)
        {
            for (var k = 0; k <= f; k++)
            {
                truth.Add(At(f, 1000 * k, 0));
                if (f < 2)
                    detections.Add(At(f, (1000 * k) + 10, 0));
            }
        }

        var r = LocalizationEvaluator.Evaluate(detections, truth);
        var bins = EvaluationBinning.Bin(r.Frames, EvaluationBinning.TruthDensityPerUm2(0.5), [0, 5, 10]);
        Assert.Equal(2, bins.Count);
        Assert.Equal((0.0, 5.0, 2), (bins[0].Lower, bins[0].Upper, bins[0].Frames));
        Assert.Equal((3L, 0L, 0L), (bins[0].Scores.TruePositives, bins[0].Scores.FalsePositives, bins[0].Scores.FalseNegatives));
        Assert.Equal(10.0, bins[0].Scores.RmseLateralNm);
        Assert.Equal(2, bins[1].Frames); // densities 6 and 8 per µm²
        Assert.Equal((0L, 7L), (bins[1].Scores.TruePositives, bins[1].Scores.FalseNegatives));

        var upperEdge = EvaluationBinning.Bin(r.Frames, f => f.TruthCount, [1, 4]);
        Assert.Equal(4, upperEdge[0].Frames);
        Assert.Equal(r.Overall, upperEdge[0].Scores);
    }

    [Fact]
    public void EdgesMustIncrease() =>
        Assert.Throws<ArgumentException>(() => EvaluationBinning.Bin([], f => f.TruthCount, [0, 2, 2]));
}
