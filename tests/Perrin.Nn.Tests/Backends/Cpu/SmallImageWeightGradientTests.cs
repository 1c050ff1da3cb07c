using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class SmallImageWeightGradientTests
{
    // N, Cin, H, W, Cout, KH, KW, pad, stride: padding, a stride with a non-square kernel, and the small-CNN layer.
    private static readonly int[][] Shapes =
    [
        [7, 3, 6, 5, 4, 3, 3, 1, 1],
        [5, 2, 9, 7, 5, 3, 2, 0, 2],
        [32, 32, 11, 11, 64, 3, 3, 0, 1],
    ];

    [Fact]
    public void WeightAndBiasGradientsMatchTheDefinitionForAnyThreadCount()
    {
        foreach (var a in Shapes)
        {
            var g = new Conv2dGeometry(a[0], a[1], a[2], a[3], a[4], a[5], a[6], strideH: a[8], strideW: a[8],
                padH: a[7], padW: a[7]);
            var random = new RandomStream(37, 2);
            var x = TestArrays.Uniform(random, g.InputLength);
            var dy = TestArrays.Uniform(random, g.OutputLength);
            var dw = new float[g.WeightLength];
            var db = new float[g.Cout];
            Array.Fill(dw, float.NaN);
            Array.Fill(db, float.NaN);
            Conv2dKernels.BackwardWeight(g, dy, x, dw, db, 1);
            var (expected, scale) = NaiveConv.BackwardWeight(g, dy, x);
            TestArrays.Close(expected, scale, dw, 1e-5, $"{g} weight gradient");
            var (bias, biasScale) = NaiveConv.BiasGradient(g.N, g.Cout, g.OutH * g.OutW, dy);
            TestArrays.Close(bias, biasScale, db, 1e-5, $"{g} bias gradient");
            foreach (var threads in new[] { 2, 3 })
            {
                var dw2 = new float[g.WeightLength];
                var db2 = new float[g.Cout];
                Conv2dKernels.BackwardWeight(g, dy, x, dw2, db2, threads);
                TestArrays.BitEqual(dw, dw2, $"{g} weight gradient with {threads} threads");
                TestArrays.BitEqual(db, db2, $"{g} bias gradient with {threads} threads");
            }
        }
    }
}
