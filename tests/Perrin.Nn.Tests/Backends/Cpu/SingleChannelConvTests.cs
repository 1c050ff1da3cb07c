using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class SingleChannelConvTests
{
    // N, H, W, Cout: rows of exactly one vector, rows whose last block overlaps (17, 49 wide), an odd channel count,
    // and the cnn-bench first layer.
    private static readonly int[][] Shapes =
    [
        [3, 5, 18, 4],
        [2, 7, 19, 3],
        [5, 9, 51, 7],
        [32, 51, 51, 16],
    ];

    [Fact]
    public void ForwardMatchesTheDefinitionWithBiasAndReluForAnyThreadCount()
    {
        if (!System.Runtime.Intrinsics.X86.Avx512F.IsSupported) return;
        foreach (var a in Shapes)
        {
            var g = new Conv2dGeometry(a[0], 1, a[1], a[2], a[3], 3, 3);
            Assert.True(SingleChannelConv.Applies(g.Shape), g.ToString());
            var random = new RandomStream(41, 3);
            var x = TestArrays.Uniform(random, g.InputLength);
            var w = TestArrays.Uniform(random, g.WeightLength);
            var b = TestArrays.Uniform(random, g.Cout);
            var y = new float[g.OutputLength];
            Array.Fill(y, float.NaN);
            SingleChannelConv.Forward(g.Shape, x, w, b, false, y, 1);
            var (expected, scale) = NaiveConv.Forward(g, x, w, b);
            TestArrays.Close(expected, scale, y, 1e-5, $"{g} forward");
            var relu = new float[g.OutputLength];
            SingleChannelConv.Forward(g.Shape, x, w, b, true, relu, 1);
            for (var i = 0; i < y.Length; i++) Assert.Equal(Math.Max(y[i], 0f), relu[i]);
            var noBias = new float[g.OutputLength];
            SingleChannelConv.Forward(g.Shape, x, w, ReadOnlySpan<float>.Empty, false, noBias, 1);
            var (plain, plainScale) = NaiveConv.Forward(g, x, w, null);
            TestArrays.Close(plain, plainScale, noBias, 1e-5, $"{g} forward without bias");
            foreach (var threads in new[] { 2, 3 })
            {
                var parallel = new float[g.OutputLength];
                SingleChannelConv.Forward(g.Shape, x, w, b, true, parallel, threads);
                TestArrays.BitEqual(relu, parallel, $"{g} forward with {threads} threads");
            }
        }
    }

    [Fact]
    public void WeightGradientCountsEveryPixelOnceForAnyThreadCount()
    {
        if (!System.Runtime.Intrinsics.X86.Avx512F.IsSupported) return;
        foreach (var a in Shapes)
        {
            var g = new Conv2dGeometry(a[0], 1, a[1], a[2], a[3], 3, 3);
            var random = new RandomStream(43, 4);
            var x = TestArrays.Uniform(random, g.InputLength);
            var dy = TestArrays.Uniform(random, g.OutputLength);
            var dw = new float[g.WeightLength];
            var db = new float[g.Cout];
            Array.Fill(dw, float.NaN);
            Array.Fill(db, float.NaN);
            SingleChannelConv.BackwardWeight(g.Shape, dy, x, dw, db, 1);
            var (expected, scale) = NaiveConv.BackwardWeight(g, dy, x);
            TestArrays.Close(expected, scale, dw, 1e-5, $"{g} weight gradient");
            var (bias, biasScale) = NaiveConv.BiasGradient(g.N, g.Cout, g.OutH * g.OutW, dy);
            TestArrays.Close(bias, biasScale, db, 1e-5, $"{g} bias gradient");
            foreach (var threads in new[] { 2, 3 })
            {
                var dw2 = new float[g.WeightLength];
                var db2 = new float[g.Cout];
                SingleChannelConv.BackwardWeight(g.Shape, dy, x, dw2, db2, threads);
                TestArrays.BitEqual(dw, dw2, $"{g} weight gradient with {threads} threads");
                TestArrays.BitEqual(db, db2, $"{g} bias gradient with {threads} threads");
            }
        }
    }

    [Fact]
    public void LeavesPaddingSeveralChannelsAndNarrowRowsToTheOtherPaths()
    {
        Assert.False(SingleChannelConv.Applies(new Conv2dGeometry(2, 1, 20, 20, 4, 3, 3, padH: 1, padW: 1).Shape));
        Assert.False(SingleChannelConv.Applies(new Conv2dGeometry(2, 2, 20, 20, 4, 3, 3).Shape));
        Assert.False(SingleChannelConv.Applies(new Conv2dGeometry(2, 1, 20, 17, 4, 3, 3).Shape));
        Assert.False(SingleChannelConv.Applies(new Conv2dGeometry(2, 1, 20, 20, 4, 5, 5).Shape));
    }
}
