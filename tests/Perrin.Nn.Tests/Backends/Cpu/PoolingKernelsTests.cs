using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class PoolingKernelsTests
{
    // N, C, H, W, KH, KW, strideH, strideW, padH, padW, dilationH, dilationW
    public static TheoryData<int[]> Geometries => new()
    {
        new[] { 3, 2, 8, 8, 2, 2, 2, 2, 0, 0, 1, 1 },
        new[] { 3, 2, 7, 9, 2, 2, 2, 2, 0, 0, 1, 1 },
        new[] { 2, 3, 9, 7, 3, 3, 2, 2, 1, 1, 1, 1 },
        new[] { 2, 2, 10, 9, 3, 2, 1, 2, 1, 1, 2, 1 },
        new[] { 1, 4, 11, 10, 3, 3, 3, 3, 0, 1, 1, 2 },
        new[] { 3, 1, 1, 13, 1, 3, 1, 2, 0, 1, 1, 1 },
    };

    private static Pool2dGeometry Make(int[] a) => new(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]);

    /// <summary>Window taps of output (plane, oh, ow) as flat indices into the input plane, in row-major window order.</summary>
    private static List<int> Window(Pool2dGeometry g, int oh, int ow)
    {
        var taps = new List<int>();
        for (var kh = 0; kh < g.KH; kh++)
        for (var kw = 0; kw < g.KW; kw++)
        {
            var ih = oh * g.StrideH - g.PadH + kh * g.DilationH;
            var iw = ow * g.StrideW - g.PadW + kw * g.DilationW;
            if (ih >= 0 && ih < g.H && iw >= 0 && iw < g.W) taps.Add(ih * g.W + iw);
        }
        return taps;
    }

    private static float[] CoarseValues(RandomStream random, int length)
    {
        // Few distinct values, so ties are common and the first-in-window rule is exercised.
        var values = new float[length];
        for (var i = 0; i < length; i++) values[i] = random.NextInt(5) - 2;
        return values;
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void MaxPoolMatchesDirectLoopWithFirstMaximumOnTies(int[] shape)
    {
        var g = Make(shape);
        var x = CoarseValues(new RandomStream(31, 1), g.InputLength);
        var y = new float[g.OutputLength];
        var idx = new int[g.OutputLength];
        PoolingKernels.MaxPoolForward(g, x, y, idx);
        int inPlane = g.H * g.W, outPlane = g.OutH * g.OutW;
        for (var p = 0; p < g.N * g.C; p++)
        for (var oh = 0; oh < g.OutH; oh++)
        for (var ow = 0; ow < g.OutW; ow++)
        {
            var best = -1;
            foreach (var t in Window(g, oh, ow))
                if (best < 0 || x[p * inPlane + t] > x[p * inPlane + best]) best = t;
            var o = p * outPlane + oh * g.OutW + ow;
            Assert.Equal(best, idx[o]);
            Assert.Equal(x[p * inPlane + best], y[o]);
        }
    }

    [Fact]
    public void MaxPoolPropagatesNaN()
    {
        foreach (var g in new[] { new Pool2dGeometry(1, 1, 4, 4, 2, 2, 2, 2), new Pool2dGeometry(1, 1, 4, 4, 3, 3, 1, 1, 1, 1) })
        {
            var x = new float[16];
            x[5] = float.NaN;
            x[6] = 7f;
            var y = new float[g.OutputLength];
            var idx = new int[g.OutputLength];
            PoolingKernels.MaxPoolForward(g, x, y, idx);
            Assert.True(float.IsNaN(y[0]));
            Assert.Equal(5, idx[0]);
        }
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void MaxPoolBackwardScattersToTheArgmax(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(32, 1);
        var x = CoarseValues(random, g.InputLength);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var y = new float[g.OutputLength];
        var idx = new int[g.OutputLength];
        PoolingKernels.MaxPoolForward(g, x, y, idx);
        var dx = new float[g.InputLength];
        Array.Fill(dx, float.NaN);
        PoolingKernels.MaxPoolBackward(g, dy, idx, dx);
        var expected = new double[g.InputLength];
        int inPlane = g.H * g.W, outPlane = g.OutH * g.OutW;
        for (var o = 0; o < dy.Length; o++) expected[o / outPlane * inPlane + idx[o]] += dy[o];
        TestArrays.Close(expected, new double[expected.Length], dx, 0, "max-pool input gradient");
    }

    /// <summary>
    /// Central differences, step 1e-3, on inputs whose values are at least 1e-2 apart so no argmax changes within a
    /// step; the loss is then linear near the point and the tolerance 1e-3 only covers float rounding.
    /// </summary>
    [Fact]
    public void PoolingGradientsMatchCentralDifferences()
    {
        var g = new Pool2dGeometry(2, 2, 7, 6, 3, 2, 2, 1, 1, 1, 1, 2);
        var random = new RandomStream(33, 1);
        var x = new float[g.InputLength];
        for (var i = 0; i < x.Length; i++) x[i] = i * 0.01f;
        for (var i = x.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (x[i], x[j]) = (x[j], x[i]);
        }
        var r = TestArrays.Uniform(random, g.OutputLength);
        var y = new float[g.OutputLength];
        var idx = new int[g.OutputLength];
        var dx = new float[g.InputLength];
        PoolingKernels.MaxPoolForward(g, x, y, idx);
        PoolingKernels.MaxPoolBackward(g, r, idx, dx);
        FiniteDifference.Check(x, dx, () =>
        {
            PoolingKernels.MaxPoolForward(g, x, y, idx);
            return Dot(r, y);
        }, "max-pool input", step: 1e-3, absolute: 1e-3);

        var avg = new Pool2dGeometry(2, 2, 7, 6, 3, 2, 2, 1, 1, 1);
        var ra = TestArrays.Uniform(random, avg.OutputLength);
        PoolingKernels.AvgPoolBackward(avg, ra, dx);
        var ya = new float[avg.OutputLength];
        FiniteDifference.Check(x, dx, () =>
        {
            PoolingKernels.AvgPoolForward(avg, x, ya);
            return Dot(ra, ya);
        }, "avg-pool input", step: 1e-2, absolute: 1e-3);
    }

    private static double Dot(float[] r, float[] y)
    {
        double sum = 0;
        for (var i = 0; i < y.Length; i++) sum += (double)r[i] * y[i];
        return sum;
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void AvgPoolCountsPaddingAndBackwardIsTheAdjoint(int[] shape)
    {
        var a = (int[])shape.Clone();
        a[10] = a[11] = 1;
        var g = Make(a);
        var random = new RandomStream(34, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var y = new float[g.OutputLength];
        var dx = new float[g.InputLength];
        PoolingKernels.AvgPoolForward(g, x, y);
        PoolingKernels.AvgPoolBackward(g, dy, dx);
        int inPlane = g.H * g.W, outPlane = g.OutH * g.OutW;
        var expectedY = new double[g.OutputLength];
        var expectedDx = new double[g.InputLength];
        for (var p = 0; p < g.N * g.C; p++)
        for (var oh = 0; oh < g.OutH; oh++)
        for (var ow = 0; ow < g.OutW; ow++)
        {
            var o = p * outPlane + oh * g.OutW + ow;
            foreach (var t in Window(g, oh, ow))
            {
                expectedY[o] += x[p * inPlane + t] / (double)(g.KH * g.KW);
                expectedDx[p * inPlane + t] += dy[o] / (double)(g.KH * g.KW);
            }
        }
        var scale = new double[Math.Max(expectedY.Length, expectedDx.Length)];
        Array.Fill(scale, 1.0);
        TestArrays.Close(expectedY, scale, y, 1e-6, "average");
        TestArrays.Close(expectedDx, scale, dx, 1e-6, "average input gradient");
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ResultsDoNotDependOnThreadCount(int[] shape)
    {
        var g = Make(shape);
        var random = new RandomStream(35, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        float[][] Run(int threads)
        {
            var y = new float[g.OutputLength];
            var idx = new int[g.OutputLength];
            var dx = new float[g.InputLength];
            PoolingKernels.MaxPoolForward(g, x, y, idx, threads);
            PoolingKernels.MaxPoolBackward(g, dy, idx, dx, threads);
            var result = new List<float[]> { y, dx, Array.ConvertAll(idx, i => (float)i) };
            if (g.DilationH == 1 && g.DilationW == 1)
            {
                var ya = new float[g.OutputLength];
                var dxa = new float[g.InputLength];
                PoolingKernels.AvgPoolForward(g, x, ya, threads);
                PoolingKernels.AvgPoolBackward(g, dy, dxa, threads);
                result.Add(ya);
                result.Add(dxa);
            }
            return [.. result];
        }
        var one = Run(1);
        foreach (var threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            for (var i = 0; i < one.Length; i++) TestArrays.BitEqual(one[i], other[i], $"result {i} with {threads} threads");
        }
    }

    [Fact]
    public void MistakesAreReported()
    {
        var error = Assert.Throws<ArgumentException>(() => new Pool2dGeometry(1, 1, 8, 8, 2, 2, 2, 2, 2, 0));
        Assert.Contains("at most half the kernel", error.Message, StringComparison.Ordinal);
        var g = new Pool2dGeometry(1, 1, 4, 4, 2, 2, 2, 2);
        var idx = new int[] { 0, 1, 16, 3 };
        error = Assert.Throws<ArgumentException>(() => PoolingKernels.MaxPoolBackward(g, new float[4], idx, new float[16]));
        Assert.Contains("MaxPool2d.Backward", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>(() => PoolingKernels.MaxPoolForward(g, new float[15], new float[4], new int[4]));
        Assert.Contains("[1, 1, 4, 4]", error.Message, StringComparison.Ordinal);
        var dilated = new Pool2dGeometry(1, 1, 8, 8, 2, 2, 2, 2, dilationH: 2);
        Assert.Throws<ArgumentException>(() => PoolingKernels.AvgPoolForward(dilated, new float[64], new float[dilated.OutputLength]));
    }
}
