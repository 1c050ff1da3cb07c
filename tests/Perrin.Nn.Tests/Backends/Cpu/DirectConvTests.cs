using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class DirectConvTests
{
    // N, Cin, H, W, Cout, KH, KW, padH, padW: widths below, at and past one or several vectors; Cout not a multiple
    // of any block; Cin = 1; padding 0, 1, 2 and larger than the kernel extent.
    private static readonly int[][] Shapes =
    [
        [2, 3, 9, 13, 5, 3, 3, 1, 1],
        [1, 1, 7, 5, 3, 3, 3, 0, 0],
        [2, 4, 6, 17, 9, 3, 3, 2, 2],
        [1, 2, 5, 40, 12, 5, 5, 2, 2],
        [2, 5, 4, 33, 4, 1, 3, 0, 1],
        [1, 6, 3, 50, 7, 1, 1, 0, 0],
        [1, 3, 6, 70, 17, 3, 3, 1, 1],
        [1, 2, 5, 100, 8, 3, 3, 1, 0],
        [1, 2, 4, 6, 3, 3, 3, 3, 4],
        [2, 9, 3, 16, 16, 3, 3, 1, 1],
        [1, 1, 2, 1, 2, 3, 1, 1, 0],
    ];

    public static TheoryData<int> Kinds => new() { (int)SgemmKernelKind.Scalar, (int)SgemmKernelKind.Avx2, (int)SgemmKernelKind.Avx512 };

    private static Conv2dGeometry Make(int[] a) =>
        new(a[0], a[1], a[2], a[3], a[4], a[5], a[6], padH: a[7], padW: a[8]);

    [Fact]
    public void AppliesOnlyToStrideOneUngroupedUndilated()
    {
        Assert.True(DirectConv.Applies(new Conv2dGeometry(2, 3, 8, 8, 4, 3, 3, padH: 1, padW: 1).Shape));
        Assert.False(DirectConv.Applies(new Conv2dGeometry(2, 3, 8, 8, 4, 3, 3, strideH: 2).Shape));
        Assert.False(DirectConv.Applies(new Conv2dGeometry(2, 3, 8, 8, 4, 3, 3, dilationW: 2).Shape));
        Assert.False(DirectConv.Applies(new Conv2dGeometry(2, 4, 8, 8, 4, 3, 3, groups: 2).Shape));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryPassMatchesTheDefinitionAndIm2Col(int kernel)
    {
        var kind = (SgemmKernelKind)kernel;
        if (!Sgemm.IsSupported(kind)) return;
        foreach (var shape in Shapes)
        {
            var g = Make(shape);
            var s = g.Shape;
            var label = $"{kind} {g}";
            var random = new RandomStream(21, 1);
            var x = TestArrays.Uniform(random, g.InputLength);
            var w = TestArrays.Uniform(random, g.WeightLength);
            var b = TestArrays.Uniform(random, g.Cout);
            var dy = TestArrays.Uniform(random, g.OutputLength);

            var y = Filled(g.OutputLength);
            DirectConv.Forward(kind, s, x, w, b, true, y, 1);
            var (expected, scale) = NaiveConv.Forward(g, x, w, b);
            for (var i = 0; i < expected.Length; i++) expected[i] = Math.Max(0, expected[i]);
            TestArrays.Close(expected, scale, y, 1e-5, $"{label} forward");
            var im2col = new float[g.OutputLength];
            ConvEngine.Forward(s, x, w, b, true, im2col, 1);
            TestArrays.Close(ToDouble(im2col), scale, y, 1e-5, $"{label} forward against im2col");

            var dx = Filled(g.InputLength);
            DirectConv.BackwardData(kind, s, dy, w, dx, 1);
            (expected, scale) = NaiveConv.BackwardData(g, dy, w);
            TestArrays.Close(expected, scale, dx, 1e-5, $"{label} input gradient");
            var dxIm2col = new float[g.InputLength];
            ConvEngine.BackwardData(s, dy, w, dxIm2col, 1);
            TestArrays.Close(ToDouble(dxIm2col), scale, dx, 1e-5, $"{label} input gradient against im2col");

            var dw = Filled(g.WeightLength);
            var db = Filled(g.Cout);
            DirectConv.BackwardWeight(kind, s, dy, x, dw, 1, db);
            (expected, scale) = NaiveConv.BackwardWeight(g, dy, x);
            TestArrays.Close(expected, scale, dw, 1e-5, $"{label} weight gradient");
            var dwIm2col = new float[g.WeightLength];
            ConvEngine.BackwardWeight(s, dy, x, dwIm2col, 1);
            TestArrays.Close(ToDouble(dwIm2col), scale, dw, 1e-5, $"{label} weight gradient against im2col");
            (expected, scale) = NaiveConv.BiasGradient(g.N, g.Cout, g.OutH * g.OutW, dy);
            TestArrays.Close(expected, scale, db, 1e-5, $"{label} bias gradient");
        }
    }

    /// <summary>A U-Net-like layer takes the direct path through the public entry points on vector hardware.</summary>
    [Fact]
    public void Conv2dKernelsDispatchMatchesTheDefinition()
    {
        var g = new Conv2dGeometry(2, 16, 5, 20, 8, 3, 3, padH: 1, padW: 1);
        if (Sgemm.BestKernel != SgemmKernelKind.Scalar)
        {
            Assert.True(DirectConv.PrefersForward(g.Shape));
            Assert.True(DirectConv.PrefersBackwardData(g.Shape));
            Assert.True(DirectConv.PrefersBackwardWeight(g.Shape));
        }
        var random = new RandomStream(24, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var b = TestArrays.Uniform(random, g.Cout);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        var y = Filled(g.OutputLength);
        var dx = Filled(g.InputLength);
        var dw = Filled(g.WeightLength);
        var db = Filled(g.Cout);
        Conv2dKernels.Forward(g, x, w, b, y, threads: 2);
        Conv2dKernels.BackwardData(g, dy, w, dx, 2);
        Conv2dKernels.BackwardWeight(g, dy, x, dw, db, 2);
        var (expected, scale) = NaiveConv.Forward(g, x, w, b);
        TestArrays.Close(expected, scale, y, 1e-5, "forward");
        (expected, scale) = NaiveConv.BackwardData(g, dy, w);
        TestArrays.Close(expected, scale, dx, 1e-5, "input gradient");
        (expected, scale) = NaiveConv.BackwardWeight(g, dy, x);
        TestArrays.Close(expected, scale, dw, 1e-5, "weight gradient");
        (expected, scale) = NaiveConv.BiasGradient(g.N, g.Cout, g.OutH * g.OutW, dy);
        TestArrays.Close(expected, scale, db, 1e-5, "bias gradient");
    }

    /// <summary>The vector kernels add the taps in the scalar kernel's order with fused multiply-adds.</summary>
    [Fact]
    public void ForwardRoundsLikeTheScalarKernel()
    {
        foreach (var shape in Shapes)
        {
            var g = Make(shape);
            var random = new RandomStream(22, 1);
            var x = TestArrays.Uniform(random, g.InputLength);
            var w = TestArrays.Uniform(random, g.WeightLength);
            var b = TestArrays.Uniform(random, g.Cout);
            var scalar = new float[g.OutputLength];
            DirectConv.Forward(SgemmKernelKind.Scalar, g.Shape, x, w, b, false, scalar, 1);
            foreach (var kind in new[] { SgemmKernelKind.Avx2, SgemmKernelKind.Avx512 })
            {
                if (!Sgemm.IsSupported(kind)) continue;
                var y = new float[g.OutputLength];
                DirectConv.Forward(kind, g.Shape, x, w, b, false, y, 1);
                TestArrays.BitEqual(scalar, y, $"{kind} {g}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ResultsDoNotDependOnThreadCount(int kernel)
    {
        var kind = (SgemmKernelKind)kernel;
        if (!Sgemm.IsSupported(kind)) return;
        var g = new Conv2dGeometry(3, 5, 9, 21, 11, 3, 3, padH: 1, padW: 1);
        var random = new RandomStream(23, 1);
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
            DirectConv.Forward(kind, g.Shape, x, w, b, true, y, threads);
            DirectConv.BackwardData(kind, g.Shape, dy, w, dx, threads);
            DirectConv.BackwardWeight(kind, g.Shape, dy, x, dw, threads, db);
            return [y, dx, dw, db];
        }
        var one = Run(1);
        foreach (var threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            for (var i = 0; i < one.Length; i++) TestArrays.BitEqual(one[i], other[i], $"{kind} result {i} with {threads} threads");
        }
    }

    /// <summary>Tall images span several bands of rows, the last one partial, each with its own padded input rows.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void WeightGradientOverSeveralBandsMatchesTheDefinition(int kernel)
    {
        var kind = (SgemmKernelKind)kernel;
        if (!Sgemm.IsSupported(kind)) return;
        foreach (var g in new[]
        {
            new Conv2dGeometry(2, 3, 40, 70, 5, 3, 3, padH: 1, padW: 1),
            new Conv2dGeometry(1, 2, 37, 33, 3, 3, 3),
        })
        {
            var random = new RandomStream(25, 1);
            var x = TestArrays.Uniform(random, g.InputLength);
            var dy = TestArrays.Uniform(random, g.OutputLength);
            var dw = Filled(g.WeightLength);
            var db = Filled(g.Cout);
            DirectConv.BackwardWeight(kind, g.Shape, dy, x, dw, 2, db);
            var (expected, scale) = NaiveConv.BackwardWeight(g, dy, x);
            TestArrays.Close(expected, scale, dw, 1e-5, $"{kind} {g} weight gradient");
            (expected, scale) = NaiveConv.BiasGradient(g.N, g.Cout, g.OutH * g.OutW, dy);
            TestArrays.Close(expected, scale, db, 1e-5, $"{kind} {g} bias gradient");
        }
    }

    /// <summary>
    /// Many channels, so that with 2 or 3 threads a worker's range of blocks starts inside a row of input blocks: the
    /// result still matches the definition and has the same bits for any thread count.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void WeightGradientWithManyChannelsMatchesTheDefinition(int kernel)
    {
        var kind = (SgemmKernelKind)kernel;
        if (!Sgemm.IsSupported(kind)) return;
        var g = new Conv2dGeometry(2, 130, 6, 7, 70, 3, 3, padH: 1, padW: 1);
        var random = new RandomStream(27, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        float[][] Run(int threads)
        {
            var dw = Filled(g.WeightLength);
            var db = Filled(g.Cout);
            DirectConv.BackwardWeight(kind, g.Shape, dy, x, dw, threads, db);
            return [dw, db];
        }
        var one = Run(1);
        var (expected, scale) = NaiveConv.BackwardWeight(g, dy, x);
        TestArrays.Close(expected, scale, one[0], 1e-5, $"{kind} {g} weight gradient");
        (expected, scale) = NaiveConv.BiasGradient(g.N, g.Cout, g.OutH * g.OutW, dy);
        TestArrays.Close(expected, scale, one[1], 1e-5, $"{kind} {g} bias gradient");
        foreach (var threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            for (var i = 0; i < one.Length; i++) TestArrays.BitEqual(one[i], other[i], $"{kind} result {i} with {threads} threads");
        }
    }

    /// <summary>
    /// With AVX-512, a 3-wide kernel, one column of padding and rows of whole vectors, the weight gradient reads the
    /// input's own rows: it keeps the padded copies' bits, matches the definition and does not depend on the thread
    /// count, with vertical padding 0, 1 and 2 and with several bands, the last one partial.
    /// </summary>
    [Fact]
    public void WeightGradientOnTheInputsOwnRowsKeepsThePaddedBits()
    {
        if (!Sgemm.IsSupported(SgemmKernelKind.Avx512)) return;
        foreach (var g in new[]
        {
            new Conv2dGeometry(2, 5, 9, 32, 6, 3, 3, padH: 1, padW: 1),
            new Conv2dGeometry(1, 3, 37, 64, 5, 3, 3, padH: 1, padW: 1),
            new Conv2dGeometry(2, 4, 11, 48, 7, 3, 3, padH: 0, padW: 1),
            new Conv2dGeometry(1, 4, 6, 32, 4, 3, 3, padH: 2, padW: 1),
            new Conv2dGeometry(3, 5, 16, 16, 6, 3, 3, padH: 1, padW: 1),
            new Conv2dGeometry(2, 3, 7, 16, 9, 3, 3, padH: 0, padW: 1),
            new Conv2dGeometry(1, 4, 5, 16, 4, 3, 3, padH: 2, padW: 1),
        })
        {
            var problem = new DirectConvProblem(g.N, g.Cin, g.H, g.W, g.PadH, g.PadW, g.Cout, g.OutH, g.OutW, g.KH,
                g.KW, false);
            Assert.True(DirectConvWeightGradJob.RunsUnpadded(SgemmKernelKind.Avx512, problem)
                || DirectConvWeightGradJob.RunsSingle(SgemmKernelKind.Avx512, problem), $"{g}");
            var random = new RandomStream(29, 1);
            var x = TestArrays.Uniform(random, g.InputLength);
            var dy = TestArrays.Uniform(random, g.OutputLength);
            float[][] Run(int threads, bool unpadded)
            {
                var dw = Filled(g.WeightLength);
                var db = Filled(g.Cout);
                DirectConvWeightGrad.Run(SgemmKernelKind.Avx512, g.Shape, dy, x, dw, db, threads, unpadded);
                return [dw, db];
            }
            var padded = Run(1, false);
            var (expected, scale) = NaiveConv.BackwardWeight(g, dy, x);
            TestArrays.Close(expected, scale, padded[0], 1e-5, $"{g} weight gradient");
            foreach (var threads in new[] { 1, 2, 3 })
            {
                var own = Run(threads, true);
                for (var i = 0; i < own.Length; i++) TestArrays.BitEqual(padded[i], own[i], $"{g} result {i}, {threads} threads");
            }
        }
    }

    /// <summary>Rows narrower than two vectors, not whole vectors, or a kernel or padding of another width use the padded copies.</summary>
    [Fact]
    public void OnlyWholeVectorRowsWithOneColumnOfPaddingSkipTheCopies()
    {
        static DirectConvProblem Problem(int w, int kw, int padW) =>
            new(1, 2, 8, w, 1, padW, 2, 8, w + 2 * padW - kw + 1, 3, kw, false);
        Assert.True(DirectConvWeightGradJob.RunsUnpadded(SgemmKernelKind.Avx512, Problem(32, 3, 1)));
        Assert.False(DirectConvWeightGradJob.RunsUnpadded(SgemmKernelKind.Avx512, Problem(16, 3, 1)));
        Assert.False(DirectConvWeightGradJob.RunsUnpadded(SgemmKernelKind.Avx512, Problem(40, 3, 1)));
        Assert.False(DirectConvWeightGradJob.RunsUnpadded(SgemmKernelKind.Avx512, Problem(32, 3, 0)));
        Assert.False(DirectConvWeightGradJob.RunsUnpadded(SgemmKernelKind.Avx512, Problem(32, 5, 2)));
        Assert.False(DirectConvWeightGradJob.RunsUnpadded(SgemmKernelKind.Avx2, Problem(32, 3, 1)));
        Assert.True(DirectConvWeightGradJob.RunsSingle(SgemmKernelKind.Avx512, Problem(16, 3, 1)));
        Assert.False(DirectConvWeightGradJob.RunsSingle(SgemmKernelKind.Avx512, Problem(32, 3, 1)));
        Assert.False(DirectConvWeightGradJob.RunsSingle(SgemmKernelKind.Avx512, Problem(16, 3, 0)));
        Assert.False(DirectConvWeightGradJob.RunsSingle(SgemmKernelKind.Avx2, Problem(16, 3, 1)));
    }

    /// <summary>
    /// Bands of output rows, each with the padded input rows it builds, only change the order of the loops, never the
    /// order of the sums: every split gives the scalar kernel's bits, for the forward pass and the adjoint, including
    /// bands that leave a partial one at the end and padding that crops the source.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void ForwardBandsDoNotChangeTheBits(int kernel)
    {
        var kind = (SgemmKernelKind)kernel;
        if (!Sgemm.IsSupported(kind)) return;
        foreach (var g in new[]
        {
            new Conv2dGeometry(2, 7, 11, 37, 11, 3, 3, padH: 1, padW: 1),
            new Conv2dGeometry(1, 5, 9, 20, 6, 3, 5, padH: 0, padW: 2),
            new Conv2dGeometry(1, 3, 6, 9, 9, 3, 3, padH: 3, padW: 1),
        })
        {
            var s = g.Shape;
            var random = new RandomStream(26, 1);
            var x = TestArrays.Uniform(random, g.InputLength);
            var w = TestArrays.Uniform(random, g.WeightLength);
            var b = TestArrays.Uniform(random, g.Cout);
            var dy = TestArrays.Uniform(random, g.OutputLength);
            var forward = new DirectConvProblem(s.N, s.Cin, s.H, s.W, s.PadH, s.PadW, s.Cout, s.OutH, s.OutW, s.KH,
                s.KW, false);
            var adjoint = new DirectConvProblem(s.N, s.Cout, s.OutH, s.OutW, s.KH - 1 - s.PadH, s.KW - 1 - s.PadW,
                s.Cin, s.H, s.W, s.KH, s.KW, true);
            var y = new float[g.OutputLength];
            var dx = new float[g.InputLength];
            DirectConvForward.Run(SgemmKernelKind.Scalar, forward, x, w, b, true, y, 1, g.OutH);
            DirectConvForward.Run(SgemmKernelKind.Scalar, adjoint, dy, w, [], false, dx, 1, g.H);
            foreach (var (band, threads) in new[] { (1, 1), (2, 2), (4, 3), (5, 2), (100, 1) })
            {
                var label = $"{kind} {g} band {band} threads {threads}";
                var yb = Filled(g.OutputLength);
                DirectConvForward.Run(kind, forward, x, w, b, true, yb, threads, band);
                TestArrays.BitEqual(y, yb, $"{label} forward");
                var dxb = Filled(g.InputLength);
                DirectConvForward.Run(kind, adjoint, dy, w, [], false, dxb, threads, band);
                TestArrays.BitEqual(dx, dxb, $"{label} input gradient");
            }
        }
    }

    /// <summary>Infinite input next to a row's last pixel must not leak into the weight gradient through masked lanes.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void WeightGradientIgnoresPixelsPastTheRow(int kernel)
    {
        var kind = (SgemmKernelKind)kernel;
        if (!Sgemm.IsSupported(kind)) return;
        var g = new Conv2dGeometry(1, 1, 4, 5, 1, 1, 1);
        var x = new float[g.InputLength];
        var dy = new float[g.OutputLength];
        Array.Fill(x, 1f);
        Array.Fill(dy, 1f);
        var dw = new float[1];
        DirectConv.BackwardWeight(kind, g.Shape, dy, x, dw, 1);
        Assert.Equal(20f, dw[0]);
    }

    private static float[] Filled(int length)
    {
        var values = new float[length];
        Array.Fill(values, float.NaN);
        return values;
    }

    private static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);
}
