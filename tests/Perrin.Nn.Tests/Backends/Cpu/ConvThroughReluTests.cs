using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class ConvThroughReluTests
{
    /// <summary>
    /// The fused ReLU backward must give the bits of masking the gradient first: on the one-channel kernel (which
    /// masks as it loads, cnn-bench's first layer among the shapes) and on the generic path, for any thread count.
    /// </summary>
    [Theory]
    [InlineData(3, 1, 9, 19, 5)]
    [InlineData(32, 1, 51, 51, 16)]
    [InlineData(4, 3, 10, 12, 6)]
    public void WeightGradientThroughReluEqualsMaskingFirst(int n, int cin, int h, int w, int cout)
    {
        var g = new Conv2dGeometry(n, cin, h, w, cout, 3, 3);
        var random = new RandomStream(47, (ulong)(n * cin));
        var x = TestArrays.Uniform(random, g.InputLength);
        var weight = TestArrays.Uniform(random, g.WeightLength);
        var bias = TestArrays.Uniform(random, g.Cout);
        var y = new float[g.OutputLength];
        Conv2dKernels.Forward(g, x, weight, bias, y, relu: true);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var masked = new float[dy.Length];
        for (var i = 0; i < dy.Length; i++) masked[i] = y[i] > 0f ? dy[i] : 0f;
        Assert.Contains(0f, y);
        var expectedWeight = new float[g.WeightLength];
        var expectedBias = new float[g.Cout];
        Conv2dKernels.BackwardWeight(g, masked, x, expectedWeight, expectedBias);
        foreach (var threads in new[] { 1, 2, 3 })
        {
            var gw = new float[g.WeightLength];
            var gb = new float[g.Cout];
            Array.Fill(gw, float.NaN);
            Conv2dKernels.BackwardWeightThroughRelu(g, dy, y, x, gw, gb, threads);
            TestArrays.BitEqual(expectedWeight, gw, $"{g} weight gradient with {threads} threads");
            TestArrays.BitEqual(expectedBias, gb, $"{g} bias gradient with {threads} threads");
            var noBias = new float[g.WeightLength];
            Conv2dKernels.BackwardWeightThroughRelu(g, dy, y, x, noBias, Span<float>.Empty, threads);
            TestArrays.BitEqual(expectedWeight, noBias, $"{g} weight gradient without bias, {threads} threads");
        }
    }

    [Fact]
    public void ReluOutputOfTheWrongLengthNamesTheOpAndShapes()
    {
        var g = new Conv2dGeometry(2, 1, 6, 20, 3, 3, 3);
        var e = Assert.Throws<ArgumentException>(() => Conv2dKernels.BackwardWeightThroughRelu(g,
            new float[g.OutputLength], new float[g.OutputLength - 1], new float[g.InputLength],
            new float[g.WeightLength], Span<float>.Empty));
        Assert.Contains("Conv2d.BackwardWeight", e.Message);
        Assert.Contains("ReLU output", e.Message);
    }
}
