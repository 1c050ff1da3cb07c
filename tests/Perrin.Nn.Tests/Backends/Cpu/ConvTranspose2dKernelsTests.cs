using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class ConvTranspose2dKernelsTests
{
    // N, Cin, H, W, Cout, KH, KW, strideH, strideW, padH, padW, outputPadH, outputPadW, dilationH, dilationW, groups
    public static TheoryData<int[]> Geometries => new()
    {
        new[] { 3, 4, 5, 6, 3, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1 },
        new[] { 2, 4, 4, 4, 6, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 2 },
        new[] { 2, 3, 5, 4, 2, 3, 2, 3, 1, 0, 1, 2, 0, 1, 2, 1 },
        new[] { 2, 2, 5, 5, 3, 3, 3, 1, 1, 0, 0, 1, 1, 2, 2, 1 },
        new[] { 3, 4, 6, 7, 4, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 4 },
        new[] { 1, 3, 1, 9, 2, 1, 4, 1, 2, 0, 1, 0, 1, 1, 1, 1 },
        new[] { 3, 6, 3, 4, 6, 3, 3, 2, 3, 2, 1, 1, 2, 2, 1, 3 },
        new[] { 2, 5, 4, 3, 2, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1 },
    };

    private static ConvTranspose2dGeometry Make(int[] a) =>
        new(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]);

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ForwardMatchesScatterDefinition(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(21, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var b = TestArrays.Uniform(random, g.Cout);
        var y = new float[g.OutputLength];
        Array.Fill(y, float.NaN);
        ConvTranspose2dKernels.Forward(g, x, w, b, y);
        var (expected, scale) = NaiveConvTranspose.Forward(g, x, w, b);
        TestArrays.Close(expected, scale, y, 1e-5, "forward");

        ConvTranspose2dKernels.Forward(g, x, w, b, y, relu: true);
        for (var i = 0; i < expected.Length; i++) expected[i] = Math.Max(0, expected[i]);
        TestArrays.Close(expected, scale, y, 1e-5, "forward with ReLU");
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void BackwardPassesMatchDirectLoops(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(22, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var dx = new float[g.InputLength];
        var dw = new float[g.WeightLength];
        var db = new float[g.Cout];
        ConvTranspose2dKernels.BackwardData(g, dy, w, dx);
        ConvTranspose2dKernels.BackwardWeight(g, dy, x, dw, db);
        var (expected, scale) = NaiveConvTranspose.BackwardData(g, dy, w);
        TestArrays.Close(expected, scale, dx, 1e-5, "input gradient");
        (expected, scale) = NaiveConvTranspose.BackwardWeight(g, dy, x);
        TestArrays.Close(expected, scale, dw, 1e-5, "weight gradient");
        (expected, scale) = NaiveConv.BiasGradient(g.N, g.Cout, g.OutH * g.OutW, dy);
        TestArrays.Close(expected, scale, db, 1e-5, "bias gradient");
    }

    /// <summary>Central differences in float, step 1e-2; see <see cref="FiniteDifference"/> for the tolerance.</summary>
    [Fact]
    public void GradientsMatchCentralDifferences()
    {
        var g = new ConvTranspose2dGeometry(2, 4, 4, 5, 4, 3, 3, 2, 2, 1, 1, 1, 0, 1, 1, 2);
        var random = new RandomStream(23, 1);
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

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ResultsDoNotDependOnThreadCount(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(24, 1);
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
            ConvTranspose2dKernels.Forward(g, x, w, b, y, threads: threads);
            ConvTranspose2dKernels.BackwardData(g, dy, w, dx, threads);
            ConvTranspose2dKernels.BackwardWeight(g, dy, x, dw, db, threads);
            return [y, dx, dw, db];
        }
        var one = Run(1);
        foreach (var threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            for (var i = 0; i < one.Length; i++) TestArrays.BitEqual(one[i], other[i], $"result {i} with {threads} threads");
        }
    }
}
