using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class Conv2dKernelsTests
{
    // N, Cin, H, W, Cout, KH, KW, strideH, strideW, padH, padW, dilationH, dilationW, groups
    public static TheoryData<int[]> Geometries => new()
    {
        new[] { 3, 2, 7, 9, 4, 3, 3, 1, 1, 1, 1, 1, 1, 1 },
        new[] { 3, 3, 11, 8, 5, 3, 2, 2, 3, 1, 0, 1, 1, 1 },
        new[] { 2, 4, 9, 10, 6, 3, 3, 1, 1, 2, 2, 2, 2, 2 },
        new[] { 3, 4, 8, 7, 4, 3, 3, 2, 2, 1, 1, 1, 1, 4 },
        new[] { 2, 6, 5, 5, 3, 1, 1, 1, 1, 0, 0, 1, 1, 3 },
        new[] { 3, 5, 6, 6, 7, 1, 1, 1, 1, 0, 0, 1, 1, 1 },
        new[] { 2, 3, 10, 10, 2, 1, 1, 2, 2, 0, 0, 1, 1, 1 },
        new[] { 1, 2, 5, 6, 3, 5, 4, 3, 1, 2, 3, 1, 2, 1 },
        new[] { 3, 2, 1, 17, 4, 1, 5, 1, 2, 0, 2, 1, 1, 1 },
        new[] { 2, 1, 4, 4, 2, 4, 4, 1, 1, 0, 0, 1, 1, 1 },
        new[] { 2, 3, 6, 5, 6, 2, 2, 2, 2, 0, 0, 1, 1, 3 },
        new[] { 1, 2, 3, 3, 2, 3, 3, 1, 1, 3, 3, 1, 1, 1 },
        new[] { 3, 4, 13, 12, 4, 3, 3, 3, 3, 1, 2, 2, 1, 2 },
    };

    internal static Conv2dGeometry Make(int[] a) =>
        new(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13]);

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ForwardMatchesDirectLoop(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(11, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var b = TestArrays.Uniform(random, g.Cout);
        var y = new float[g.OutputLength];
        Conv2dKernels.Forward(g, x, w, b, y);
        var (expected, scale) = NaiveConv.Forward(g, x, w, b);
        TestArrays.Close(expected, scale, y, 1e-5, "forward");

        Conv2dKernels.Forward(g, x, w, ReadOnlySpan<float>.Empty, y, relu: true);
        (expected, scale) = NaiveConv.Forward(g, x, w, null);
        for (var i = 0; i < expected.Length; i++) expected[i] = Math.Max(0, expected[i]);
        TestArrays.Close(expected, scale, y, 1e-5, "forward with ReLU, no bias");
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void BackwardDataMatchesDirectAdjoint(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(12, 1);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var dx = new float[g.InputLength];
        Array.Fill(dx, float.NaN);
        Conv2dKernels.BackwardData(g, dy, w, dx);
        var (expected, scale) = NaiveConv.BackwardData(g, dy, w);
        TestArrays.Close(expected, scale, dx, 1e-5, "input gradient");
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void BackwardWeightMatchesDirectLoop(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(13, 1);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var x = TestArrays.Uniform(random, g.InputLength);
        var dw = new float[g.WeightLength];
        var db = new float[g.Cout];
        Array.Fill(dw, float.NaN);
        Conv2dKernels.BackwardWeight(g, dy, x, dw, db);
        var (expected, scale) = NaiveConv.BackwardWeight(g, dy, x);
        TestArrays.Close(expected, scale, dw, 1e-5, "weight gradient");
        (expected, scale) = NaiveConv.BiasGradient(g.N, g.Cout, g.OutH * g.OutW, dy);
        TestArrays.Close(expected, scale, db, 1e-5, "bias gradient");
    }

    /// <summary>⟨Forward(x), y⟩ = ⟨x, BackwardData(y)⟩ holds exactly in real arithmetic; in float to rounding.</summary>
    [Theory]
    [MemberData(nameof(Geometries))]
    public void BackwardDataIsTheAdjointOfForward(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(14, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var y = TestArrays.Uniform(random, g.OutputLength);
        var fx = new float[g.OutputLength];
        var by = new float[g.InputLength];
        Conv2dKernels.Forward(g, x, w, ReadOnlySpan<float>.Empty, fx);
        Conv2dKernels.BackwardData(g, y, w, by);
        double left = 0, right = 0, magnitude = 0;
        for (var i = 0; i < fx.Length; i++) { left += (double)fx[i] * y[i]; magnitude += Math.Abs((double)fx[i] * y[i]); }
        for (var i = 0; i < by.Length; i++) right += (double)x[i] * by[i];
        Assert.True(Math.Abs(left - right) <= 1e-5 * magnitude + 1e-6, $"⟨Fx, y⟩ = {left}, ⟨x, Bᵀy⟩ = {right}");
    }

    /// <summary>
    /// Central differences of L = Σ r·conv(x, w, b) in float with step 1e-2. L is linear in each argument, so the
    /// difference quotient has no truncation error; the tolerance 2e-3 absolute + 1e-3 relative covers float rounding
    /// of the ~500 summed outputs, far below the O(1) error a wrong gradient gives.
    /// </summary>
    [Fact]
    public void GradientsMatchCentralDifferences()
    {
        var g = new Conv2dGeometry(2, 4, 6, 7, 4, 3, 2, 2, 1, 1, 1, 1, 2, 2);
        var random = new RandomStream(15, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var b = TestArrays.Uniform(random, g.Cout);
        var r = TestArrays.Uniform(random, g.OutputLength);
        var dx = new float[g.InputLength];
        var dw = new float[g.WeightLength];
        var db = new float[g.Cout];
        Conv2dKernels.BackwardData(g, r, w, dx);
        Conv2dKernels.BackwardWeight(g, r, x, dw, db);
        var y = new float[g.OutputLength];
        double Loss()
        {
            Conv2dKernels.Forward(g, x, w, b, y);
            double sum = 0;
            for (var i = 0; i < y.Length; i++) sum += (double)r[i] * y[i];
            return sum;
        }
        FiniteDifference.Check(x, dx, Loss, "input");
        FiniteDifference.Check(w, dw, Loss, "weight");
        FiniteDifference.Check(b, db, Loss, "bias");
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ResultsDoNotDependOnThreadCount(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(16, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var b = TestArrays.Uniform(random, g.Cout);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        float[][] Run(int threads)
        {
            var y = new float[g.OutputLength];
            var dx = new float[g.InputLength];
            var dw = new float[g.WeightLength];
            var db = new float[g.Cout];
            Conv2dKernels.Forward(g, x, w, b, y, relu: true, threads: threads);
            Conv2dKernels.BackwardData(g, dy, w, dx, threads);
            Conv2dKernels.BackwardWeight(g, dy, x, dw, db, threads);
            return [y, dx, dw, db];
        }
        var one = Run(1);
        foreach (var threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            for (var i = 0; i < one.Length; i++) TestArrays.BitEqual(one[i], other[i], $"result {i} with {threads} threads");
        }
    }

    [Fact]
    public void Conv1dIsTheCaseHeightOne()
    {
        // Conv1d(3 → 4, kernel 5, stride 2, padding 2, dilation 1) on [3, 3, 20] written as a 2D convolution.
        var g = new Conv2dGeometry(3, 3, 1, 20, 4, 1, 5, strideW: 2, padW: 2);
        Assert.Equal(1, g.OutH);
        Assert.Equal(10, g.OutW);
        var random = new RandomStream(17, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var y = new float[g.OutputLength];
        Conv2dKernels.Forward(g, x, w, ReadOnlySpan<float>.Empty, y);
        for (var n = 0; n < 3; n++)
        for (var co = 0; co < 4; co++)
        for (var o = 0; o < 10; o++)
        {
            double sum = 0;
            for (var ci = 0; ci < 3; ci++)
            for (var k = 0; k < 5; k++)
            {
                var i = o * 2 - 2 + k;
                if (i >= 0 && i < 20) sum += (double)x[(n * 3 + ci) * 20 + i] * w[(co * 3 + ci) * 5 + k];
            }
            Assert.True(Math.Abs(sum - y[(n * 4 + co) * 10 + o]) < 1e-5, $"output ({n}, {co}, {o})");
        }
    }

    [Fact]
    public void BufferOfTheWrongLengthIsRejectedWithTheShape()
    {
        var g = new Conv2dGeometry(2, 3, 8, 8, 4, 3, 3, padH: 1, padW: 1);
        var error = Assert.Throws<ArgumentException>(() =>
            Conv2dKernels.Forward(g, new float[g.InputLength - 1], new float[g.WeightLength], ReadOnlySpan<float>.Empty, new float[g.OutputLength]));
        Assert.Contains("Conv2d.Forward", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3, 8, 8]", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>(() =>
            Conv2dKernels.BackwardWeight(g, new float[g.OutputLength], new float[g.InputLength], new float[g.WeightLength], new float[3]));
        Assert.Contains("bias gradient", error.Message, StringComparison.Ordinal);
    }
}
