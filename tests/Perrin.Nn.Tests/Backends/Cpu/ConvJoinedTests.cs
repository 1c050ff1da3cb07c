using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class ConvJoinedTests
{
    /// <summary>
    /// A convolution of two inputs joined along the channels must give the bits of the convolution of their
    /// concatenation: on the direct kernel (rows of 20 and 32 pixels, a split that is not a whole channel block),
    /// on Winograd (64 → 64 channels), on the small-image and pointwise paths that join into a copy, with padding 0–2
    /// and any thread count.
    /// </summary>
    [Theory]
    [InlineData(2, 16, 16, 32, 32, 16, 3, 1)]
    [InlineData(3, 5, 11, 9, 20, 12, 3, 2)]
    [InlineData(2, 32, 32, 12, 14, 64, 3, 1)]
    [InlineData(2, 8, 8, 16, 16, 32, 3, 0)]
    [InlineData(2, 3, 4, 6, 7, 8, 3, 1)]
    [InlineData(2, 6, 10, 20, 18, 12, 1, 0)]
    public void JoinedInputsGiveTheBitsOfTheirConcatenation(int n, int c1, int c2, int h, int w, int cout, int k, int pad)
    {
        var g = new Conv2dGeometry(n, c1 + c2, h, w, cout, k, k, 1, 1, pad, pad);
        var random = new RandomStream(61, (ulong)(c1 * 100 + c2));
        var first = TestArrays.Uniform(random, n * c1 * h * w);
        var second = TestArrays.Uniform(random, n * c2 * h * w);
        var weight = TestArrays.Uniform(random, g.WeightLength);
        var bias = TestArrays.Uniform(random, cout);
        var joined = Join(n, c1, c2, h * w, first, second);
        foreach (var relu in new[] { false, true })
        {
            var expected = new float[g.OutputLength];
            Conv2dKernels.Forward(g, joined, weight, bias, expected, relu);
            foreach (var threads in new[] { 1, 2, 3 })
            {
                var actual = new float[g.OutputLength];
                Array.Fill(actual, float.NaN);
                Conv2dKernels.ForwardJoined(g, c1, first, second, weight, bias, actual, relu, threads);
                TestArrays.BitEqual(expected, actual, $"{g} joined after {c1} channels, relu {relu}, {threads} threads");
            }
            var noBias = new float[g.OutputLength];
            var expectedNoBias = new float[g.OutputLength];
            Conv2dKernels.Forward(g, joined, weight, Span<float>.Empty, expectedNoBias, relu);
            Conv2dKernels.ForwardJoined(g, c1, first, second, weight, Span<float>.Empty, noBias, relu);
            TestArrays.BitEqual(expectedNoBias, noBias, $"{g} joined without bias, relu {relu}");
        }
    }

    /// <summary>
    /// The weight and bias gradients from the two inputs where they lie must give the bits of those from their
    /// concatenation: on the AVX-512 three-tap kernels reading the input's own rows (32- and 16-pixel rows, the latter
    /// with a block of input channels straddling the split), on the padded copies (20-pixel rows, a split inside a
    /// block of input channels), and on the GEMM paths that join into a copy.
    /// </summary>
    [Theory]
    [InlineData(2, 16, 16, 12, 32, 16, 3, 1)]
    [InlineData(3, 5, 11, 9, 20, 12, 3, 2)]
    [InlineData(2, 3, 1, 7, 64, 8, 3, 1)]
    [InlineData(3, 5, 7, 9, 16, 6, 3, 1)]
    [InlineData(2, 32, 32, 8, 8, 64, 3, 1)]
    [InlineData(2, 6, 10, 20, 18, 12, 1, 0)]
    public void JoinedWeightGradientGivesTheBitsOfTheConcatenation(int n, int c1, int c2, int h, int w, int cout, int k,
        int pad)
    {
        var g = new Conv2dGeometry(n, c1 + c2, h, w, cout, k, k, 1, 1, pad, pad);
        var random = new RandomStream(67, (ulong)(c1 * 100 + c2));
        var first = TestArrays.Uniform(random, n * c1 * h * w);
        var second = TestArrays.Uniform(random, n * c2 * h * w);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var joined = Join(n, c1, c2, h * w, first, second);
        var expectedWeight = new float[g.WeightLength];
        var expectedBias = new float[cout];
        Conv2dKernels.BackwardWeight(g, dy, joined, expectedWeight, expectedBias);
        foreach (var threads in new[] { 1, 2, 3 })
        {
            var gw = new float[g.WeightLength];
            var gb = new float[cout];
            Array.Fill(gw, float.NaN);
            Conv2dKernels.BackwardWeightJoined(g, dy, c1, first, second, gw, gb, threads);
            TestArrays.BitEqual(expectedWeight, gw, $"{g} joined after {c1} channels, {threads} threads: weight gradient");
            TestArrays.BitEqual(expectedBias, gb, $"{g} joined after {c1} channels, {threads} threads: bias gradient");
        }
    }

    /// <summary>
    /// The two inputs' gradients written where they belong must give the bits of splitting the concatenation's: on
    /// the direct kernel with a split between its blocks of 8 channels, on Winograd (64 → 32 channels, any split), and
    /// through the pooled copy where the split falls inside a block or the small-image path runs.
    /// </summary>
    [Theory]
    [InlineData(2, 16, 16, 12, 32, 16, 1)]
    [InlineData(2, 8, 24, 9, 20, 12, 2)]
    [InlineData(3, 5, 11, 9, 20, 12, 1)]
    [InlineData(2, 32, 32, 12, 14, 32, 1)]
    [InlineData(2, 30, 34, 10, 10, 40, 0)]
    [InlineData(2, 3, 6, 6, 7, 8, 1)]
    public void JoinedDataGradientGivesTheBitsOfTheSplitConcatenation(int n, int c1, int c2, int h, int w, int cout,
        int pad)
    {
        var g = new Conv2dGeometry(n, c1 + c2, h, w, cout, 3, 3, 1, 1, pad, pad);
        var random = new RandomStream(73, (ulong)(c1 * 100 + c2));
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var weight = TestArrays.Uniform(random, g.WeightLength);
        var whole = new float[g.InputLength];
        Conv2dKernels.BackwardData(g, dy, weight, whole);
        var plane = h * w;
        var (expectedFirst, expectedSecond) = (new float[n * c1 * plane], new float[n * c2 * plane]);
        for (var i = 0; i < n; i++)
        {
            whole.AsSpan(i * (c1 + c2) * plane, c1 * plane).CopyTo(expectedFirst.AsSpan(i * c1 * plane));
            whole.AsSpan((i * (c1 + c2) + c1) * plane, c2 * plane).CopyTo(expectedSecond.AsSpan(i * c2 * plane));
        }
        foreach (var threads in new[] { 1, 2, 3 })
        {
            var (first, second) = (new float[expectedFirst.Length], new float[expectedSecond.Length]);
            Array.Fill(first, float.NaN);
            Array.Fill(second, float.NaN);
            Conv2dKernels.BackwardDataJoined(g, dy, weight, c1, first, second, threads);
            TestArrays.BitEqual(expectedFirst, first, $"{g} split after {c1} channels, {threads} threads: first part");
            TestArrays.BitEqual(expectedSecond, second, $"{g} split after {c1} channels, {threads} threads: second part");
        }
    }

    private static float[] Join(int n, int c1, int c2, int plane, float[] first, float[] second)
    {
        var joined = new float[n * (c1 + c2) * plane];
        for (var i = 0; i < n; i++)
        {
            first.AsSpan(i * c1 * plane, c1 * plane).CopyTo(joined.AsSpan(i * (c1 + c2) * plane));
            second.AsSpan(i * c2 * plane, c2 * plane).CopyTo(joined.AsSpan((i * (c1 + c2) + c1) * plane));
        }
        return joined;
    }

    [Fact]
    public void ASplitOrInputOfTheWrongSizeNamesTheOpAndShape()
    {
        var g = new Conv2dGeometry(2, 6, 8, 8, 4, 3, 3, 1, 1, 1, 1);
        var weight = new float[g.WeightLength];
        var output = new float[g.OutputLength];
        var e = Assert.Throws<ArgumentException>(() => Conv2dKernels.ForwardJoined(g, 6, new float[2 * 6 * 64],
            new float[0], weight, Span<float>.Empty, output));
        Assert.Contains("Conv2d.ForwardJoined", e.Message);
        Assert.Contains("6 channels", e.Message);
        e = Assert.Throws<ArgumentException>(() => Conv2dKernels.ForwardJoined(g, 2, new float[2 * 2 * 64],
            new float[2 * 3 * 64], weight, Span<float>.Empty, output));
        Assert.Contains("second input", e.Message);
        Assert.Contains("[2, 4, 8, 8]", e.Message);
    }
}
