using System.Numerics.Tensors;
using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

/// <summary>The kernel-equals-stride transposed convolution against the im2col path it replaces.</summary>
public class PatchConvTransposeTests
{
    // N, Cin, H, W, Cout, KH, KW (stride = kernel). Widths 16, 21 and 40 reach the vector loops with and without a
    // tail; 30 rows of 21 make two row blocks.
    public static TheoryData<int[]> Geometries => new()
    {
        new[] { 1, 3, 5, 7, 2, 2, 2 },
        new[] { 3, 4, 30, 21, 3, 2, 2 },
        new[] { 3, 5, 4, 16, 6, 2, 2 },
        new[] { 1, 2, 3, 40, 5, 2, 2 },
        new[] { 3, 3, 5, 3, 4, 3, 2 },
        new[] { 1, 4, 6, 5, 3, 3, 3 },
        new[] { 3, 2, 4, 9, 3, 1, 1 },
    };

    private static ConvTranspose2dGeometry Make(int[] a) => new(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[5], a[6]);

    [Fact]
    public void AppliesOnlyWhenEveryPatchIsDisjointAndUngrouped()
    {
        Assert.True(PatchConvTranspose.Applies(new ConvTranspose2dGeometry(1, 2, 4, 4, 2, 2, 2, 2, 2)));
        Assert.False(PatchConvTranspose.Applies(new ConvTranspose2dGeometry(1, 2, 4, 4, 2, 3, 3, 2, 2)));
        Assert.False(PatchConvTranspose.Applies(new ConvTranspose2dGeometry(1, 2, 4, 4, 2, 2, 2, 2, 2, padH: 1)));
        Assert.False(PatchConvTranspose.Applies(new ConvTranspose2dGeometry(1, 2, 4, 4, 2, 2, 2, 2, 2, outputPadW: 1)));
        Assert.False(PatchConvTranspose.Applies(new ConvTranspose2dGeometry(1, 2, 4, 4, 2, 2, 2, 2, 2, groups: 2)));
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ForwardAndDataGradientEqualTheIm2ColPathBitForBit(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(41, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var b = TestArrays.Uniform(random, g.Cout);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        foreach (var relu in new[] { false, true })
        {
            var expected = new float[g.OutputLength];
            ConvEngine.BackwardData(g.AdjointShape, x, w, expected, 1);
            var plane = g.OutH * g.OutW;
            for (var i = 0; i < g.N * g.Cout; i++)
            {
                var channel = expected.AsSpan(i * plane, plane);
                TensorPrimitives.Add(channel, b[i % g.Cout], channel);
                if (relu) TensorPrimitives.Max(channel, 0f, channel);
            }
            var actual = new float[g.OutputLength];
            Array.Fill(actual, float.NaN);
            PatchConvTranspose.Forward(g, x, w, b, relu, actual, 1);
            TestArrays.BitEqual(expected, actual, relu ? "forward with ReLU" : "forward");
        }
        var expectedDx = new float[g.InputLength];
        ConvEngine.Forward(g.AdjointShape, dy, w, ReadOnlySpan<float>.Empty, false, expectedDx, 1);
        var dx = new float[g.InputLength];
        Array.Fill(dx, float.NaN);
        PatchConvTranspose.BackwardData(g, dy, w, dx, 1);
        TestArrays.BitEqual(expectedDx, dx, "input gradient");
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void WeightAndBiasGradientsMatchDirectLoops(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(42, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var dw = new float[g.WeightLength];
        var db = new float[g.Cout];
        Array.Fill(dw, float.NaN);
        Array.Fill(db, float.NaN);
        PatchConvTranspose.BackwardWeight(g, dy, x, dw, db, 1);
        var (expected, scale) = NaiveConvTranspose.BackwardWeight(g, dy, x);
        TestArrays.Close(expected, scale, dw, 1e-5, "weight gradient");
        (expected, scale) = NaiveConv.BiasGradient(g.N, g.Cout, g.OutH * g.OutW, dy);
        TestArrays.Close(expected, scale, db, 1e-5, "bias gradient");
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ResultsDoNotDependOnThreadCount(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(43, 1);
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
            PatchConvTranspose.Forward(g, x, w, b, true, y, threads);
            PatchConvTranspose.BackwardData(g, dy, w, dx, threads);
            PatchConvTranspose.BackwardWeight(g, dy, x, dw, db, threads);
            return [y, dx, dw, db];
        }
        var one = Run(1);
        var three = Run(3);
        for (var i = 0; i < one.Length; i++) TestArrays.BitEqual(one[i], three[i], $"result {i} with 3 threads");
    }

    /// <summary>Central differences in float, step 1e-2; see <see cref="FiniteDifference"/> for the tolerance.</summary>
    [Fact]
    public void GradientsMatchCentralDifferences()
    {
        var g = new ConvTranspose2dGeometry(2, 3, 3, 18, 2, 2, 2, 2, 2);
        Assert.True(PatchConvTranspose.Applies(g));
        var random = new RandomStream(44, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var b = TestArrays.Uniform(random, g.Cout);
        var r = TestArrays.Uniform(random, g.OutputLength);
        var dx = new float[g.InputLength];
        var dw = new float[g.WeightLength];
        var db = new float[g.Cout];
        ConvTranspose2dKernels.BackwardData(g, r, w, dx);
        ConvTranspose2dKernels.BackwardWeight(g, r, x, dw, db);
        var y = new float[g.OutputLength];
        double Loss()
        {
            ConvTranspose2dKernels.Forward(g, x, w, b, y);
            double sum = 0;
            for (var i = 0; i < y.Length; i++) sum += (double)r[i] * y[i];
            return sum;
        }
        FiniteDifference.Check(x, dx, Loss, "input");
        FiniteDifference.Check(w, dw, Loss, "weight");
        FiniteDifference.Check(b, db, Loss, "bias");
    }
}
