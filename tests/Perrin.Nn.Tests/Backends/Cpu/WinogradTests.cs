using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class WinogradTests
{
    /// <summary>
    /// Winograd adds the transforms' roundings (sums of up to 16 transformed values of either sign) to the direct
    /// sum's: errors stay below ~1e-6 of the sum of |terms| here; the bound leaves a margin of a few times that
    /// while a wrong tap or tile (an error of the order of one term) still fails.
    /// </summary>
    private const double Relative = 1e-5;

    /// <summary>
    /// 4×4 tiles scale inputs by up to 8 per axis in the output transform and weights by down to 1/24, so their
    /// roundings grow by about ten times: errors stay below ~1e-5 of the sum of |terms|.
    /// </summary>
    private const double RelativeF4 = 1e-4;

    // N, Cin, H, W, Cout, pad: odd and even outputs, widths below one tile, one vector and several vectors,
    // N = 3, Cout not a multiple of 16, padding 0, 1 and 2 (and unequal).
    private static readonly int[][] Shapes =
    [
        [3, 3, 9, 13, 5, 1, 1],
        [1, 2, 3, 3, 3, 0, 0],
        [2, 4, 6, 3, 17, 2, 2],
        [3, 5, 7, 2, 7, 1, 2],
        [1, 3, 5, 40, 19, 1, 1],
        [2, 6, 4, 35, 9, 2, 0],
        [1, 18, 8, 8, 33, 1, 1],
        [3, 2, 11, 1, 4, 2, 1],
    ];

    public static TheoryData<int> Kinds => new() { (int)SgemmKernelKind.Scalar, (int)SgemmKernelKind.Avx2, (int)SgemmKernelKind.Avx512 };

    /// <summary>Kernel kinds with the tile sizes they have transforms for.</summary>
    public static TheoryData<int, int> Variants => new()
    {
        { (int)SgemmKernelKind.Scalar, 2 }, { (int)SgemmKernelKind.Scalar, 4 }, { (int)SgemmKernelKind.Avx2, 2 },
        { (int)SgemmKernelKind.Avx2, 4 }, { (int)SgemmKernelKind.Avx512, 2 },
    };

    private static Conv2dGeometry Make(int[] a) => new(a[0], a[1], a[2], a[3], a[4], 3, 3, padH: a[5], padW: a[6]);

    [Fact]
    public void AppliesOnlyToStrideOneUngroupedUndilatedThreeByThree()
    {
        Assert.True(WinogradConv.Applies(new Conv2dGeometry(2, 3, 8, 8, 4, 3, 3, padH: 1, padW: 1).Shape));
        Assert.True(WinogradConv.Applies(new Conv2dGeometry(2, 3, 8, 8, 4, 3, 3, padH: 2, padW: 0).Shape));
        Assert.False(WinogradConv.Applies(new Conv2dGeometry(2, 3, 8, 8, 4, 3, 3, padH: 3, padW: 1).Shape));
        Assert.False(WinogradConv.Applies(new Conv2dGeometry(2, 3, 8, 8, 4, 3, 3, strideH: 2).Shape));
        Assert.False(WinogradConv.Applies(new Conv2dGeometry(2, 3, 8, 8, 4, 3, 3, dilationW: 2).Shape));
        Assert.False(WinogradConv.Applies(new Conv2dGeometry(2, 4, 8, 8, 4, 3, 3, groups: 2).Shape));
        Assert.False(WinogradConv.Applies(new Conv2dGeometry(2, 4, 8, 8, 4, 5, 5, padH: 2, padW: 2).Shape));
        Assert.False(WinogradConv.Applies(new Conv2dGeometry(2, 4, 8, 8, 4, 1, 3, padW: 1).Shape));
    }

    /// <summary>Blocks of 5 tiles split tile rows and images; 16 and the default cover whole vectors and one block.</summary>
    [Theory]
    [MemberData(nameof(Variants))]
    public void ForwardAndInputGradientMatchTheDefinition(int kernel, int tile)
    {
        var kind = (SgemmKernelKind)kernel;
        if (!Sgemm.IsSupported(kind)) return;
        var relative = tile == 4 ? RelativeF4 : Relative;
        foreach (var shape in Shapes)
        {
            var g = Make(shape);
            var s = g.Shape;
            var random = new RandomStream(31, 1);
            var x = TestArrays.Uniform(random, g.InputLength);
            var w = TestArrays.Uniform(random, g.WeightLength);
            var b = TestArrays.Uniform(random, g.Cout);
            var dy = TestArrays.Uniform(random, g.OutputLength);
            var (expected, scale) = NaiveConv.Forward(g, x, w, b);
            var relu = Array.ConvertAll(expected, v => Math.Max(0, v));
            var (expectedDx, scaleDx) = NaiveConv.BackwardData(g, dy, w);
            foreach (var block in new[] { 5, 16, WinogradConv.BlockTiles(g.Cin, g.Cout, tile) })
            {
                var label = $"{kind} {tile}×{tile} {g} block {block}";
                var y = Filled(g.OutputLength);
                WinogradConv.Forward(kind, s, x, w, b, false, y, 1, block, tile: tile);
                TestArrays.Close(expected, scale, y, relative, $"{label} forward");
                WinogradConv.Forward(kind, s, x, w, b, true, y, 1, block, tile: tile);
                TestArrays.Close(relu, scale, y, relative, $"{label} forward with ReLU");
                var dx = Filled(g.InputLength);
                WinogradConv.BackwardData(kind, s, dy, w, dx, 1, block, tile: tile);
                TestArrays.Close(expectedDx, scaleDx, dx, relative, $"{label} input gradient");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ResultsDoNotDependOnThreadCount(int kernel, int tile)
    {
        var kind = (SgemmKernelKind)kernel;
        if (!Sgemm.IsSupported(kind)) return;
        var g = new Conv2dGeometry(3, 7, 9, 21, 11, 3, 3, padH: 1, padW: 1);
        var random = new RandomStream(32, 1);
        var x = TestArrays.Uniform(random, g.InputLength);
        var w = TestArrays.Uniform(random, g.WeightLength);
        var b = TestArrays.Uniform(random, g.Cout);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        float[][] Run(int threads)
        {
            var y = new float[g.OutputLength];
            var dx = new float[g.InputLength];
            WinogradConv.Forward(kind, g.Shape, x, w, b, true, y, threads, 16, tile: tile);
            WinogradConv.BackwardData(kind, g.Shape, dy, w, dx, threads, 16, tile: tile);
            return [y, dx];
        }
        var one = Run(1);
        foreach (var threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            for (var i = 0; i < one.Length; i++) TestArrays.BitEqual(one[i], other[i], $"{kind} result {i} with {threads} threads");
        }
    }

    /// <summary>
    /// On 16-pixel outputs the AVX-512 transforms take two rows of 8 tiles per vector; they must give the bits of one
    /// row at a time: forward with and without ReLU and input gradient, with even and odd heights (an odd last tile
    /// row goes alone), blocks of 64 tiles and of 16 (a pair per block), 15-pixel inputs padded to 16-pixel outputs,
    /// and any thread count. The definition check covers both ways of running them.
    /// </summary>
    [Theory]
    [InlineData(2, 5, 16, 16, 7, 1, 64)]
    [InlineData(3, 4, 13, 16, 9, 1, 16)]
    [InlineData(2, 3, 15, 15, 6, 1, 64)]
    [InlineData(1, 6, 18, 18, 5, 0, 64)]
    public void PairedTileRowsGiveTheBitsOfSingleRows(int n, int cin, int h, int w, int cout, int pad, int block)
    {
        if (!Sgemm.IsSupported(SgemmKernelKind.Avx512)) return;
        var g = new Conv2dGeometry(n, cin, h, w, cout, 3, 3, padH: pad, padW: pad);
        Assert.Equal(16, g.OutW + (g.OutW % 2));
        var random = new RandomStream(33, (ulong)h);
        var x = TestArrays.Uniform(random, g.InputLength);
        var weight = TestArrays.Uniform(random, g.WeightLength);
        var b = TestArrays.Uniform(random, g.Cout);
        var dy = TestArrays.Uniform(random, g.OutputLength);
        float[][] Run(bool pairs, int threads)
        {
            var y = new float[g.OutputLength];
            var yr = new float[g.OutputLength];
            var dx = new float[g.InputLength];
            WinogradConv.Forward(SgemmKernelKind.Avx512, g.Shape, x, weight, b, false, y, threads, block, pairs);
            WinogradConv.Forward(SgemmKernelKind.Avx512, g.Shape, x, weight, b, true, yr, threads, block, pairs);
            WinogradConv.BackwardData(SgemmKernelKind.Avx512, g.Shape, dy, weight, dx, threads, block, pairs);
            return [y, yr, dx];
        }
        var single = Run(false, 1);
        var (expected, scale) = NaiveConv.Forward(g, x, weight, b);
        TestArrays.Close(expected, scale, single[0], Relative, $"{g} one row at a time");
        foreach (var threads in new[] { 1, 2, 3 })
        {
            var paired = Run(true, threads);
            for (var i = 0; i < paired.Length; i++)
                TestArrays.BitEqual(single[i], paired[i], $"{g}, blocks of {block}, result {i}, {threads} threads");
        }
    }

    /// <summary>Values past a run's last tile (vector lanes of the next row or block) must never reach the output.</summary>
    /// <remarks>
    /// A width of 4q + 3 puts the infinite last column in the window of the last tile alone, for 2×2 and 4×4 tiles,
    /// and that tile has one valid output column. Rows past the output's last (9 rows give 7 outputs, a tile row
    /// cropped) must not be stored.
    /// </remarks>
    [Theory]
    [MemberData(nameof(Variants))]
    public void InfiniteNeighboursDoNotLeakIntoCroppedTiles(int kernel, int tile)
    {
        var kind = (SgemmKernelKind)kernel;
        if (!Sgemm.IsSupported(kind)) return;
        foreach (var (h, w) in new[] { (5, 7), (9, 11) })
        {
            var g = new Conv2dGeometry(2, 2, h, w, 3, 3, 3);
            var x = new float[g.InputLength];
            var weight = new float[g.WeightLength];
            Array.Fill(weight, 1f);
            for (var i = 0; i < x.Length; i++) x[i] = i % w == w - 1 ? float.PositiveInfinity : 1f;
            var y = Filled(g.OutputLength + 64);
            WinogradConv.Forward(kind, g.Shape, x, weight, default, false, y, 1, 3, tile: tile);
            for (var i = 0; i < g.OutputLength; i++)
            {
                var column = i % g.OutW;
                if (column < g.OutW - 1) Assert.Equal(18f, y[i]);
            }
            for (var i = g.OutputLength; i < y.Length; i++) Assert.True(float.IsNaN(y[i]), $"{tile}×{tile}: wrote past the output at {i}");
        }
    }

    /// <summary>
    /// A layer with many channels takes the Winograd path through the public entry points wherever a vector kernel
    /// runs; on rows of 32 pixels and more a layer with 16 channels takes it too, with the AVX2 4×4 tiles (also on
    /// AVX-512 machines, which have no 4×4 transforms of their own).
    /// </summary>
    [Fact]
    public void Conv2dKernelsDispatchMatchesTheDefinition()
    {
        var avx2 = Sgemm.BestKernel == SgemmKernelKind.Avx2;
        var vector = Sgemm.BestKernel != SgemmKernelKind.Scalar;
        Assert.Equal(avx2, WinogradConv.Prefers(new Conv2dGeometry(2, 32, 5, 7, 32, 3, 3, padH: 1, padW: 1).Shape));
        Assert.False(WinogradConv.Prefers(new Conv2dGeometry(2, 16, 5, 7, 32, 3, 3, padH: 1, padW: 1).Shape));
        Assert.Equal(vector, WinogradConv.Prefers(new Conv2dGeometry(2, 16, 5, 32, 16, 3, 3, padH: 1, padW: 1).Shape));
        Assert.Equal(4, WinogradConv.TileFor(SgemmKernelKind.Avx2, 32));
        Assert.Equal(2, WinogradConv.TileFor(SgemmKernelKind.Avx2, 31));
        Assert.Equal(2, WinogradConv.TileFor(SgemmKernelKind.Avx512, 64));
        Assert.Equal(SgemmKernelKind.Avx2, WinogradConv.KindFor(SgemmKernelKind.Avx512, 32));
        Assert.Equal(SgemmKernelKind.Avx512, WinogradConv.KindFor(SgemmKernelKind.Avx512, 31));
        Assert.Equal(SgemmKernelKind.Avx2, WinogradConv.KindFor(SgemmKernelKind.Avx2, 64));
        Assert.Equal(SgemmKernelKind.Scalar, WinogradConv.KindFor(SgemmKernelKind.Scalar, 64));
        var cases = new[]
        {
            (new Conv2dGeometry(2, 64, 5, 7, 33, 3, 3, padH: 1, padW: 1), vector),
            (new Conv2dGeometry(2, 16, 6, 40, 17, 3, 3, padH: 1, padW: 1), vector),
        };
        foreach (var (g, winograd) in cases)
        {
            Assert.Equal(winograd, WinogradConv.Prefers(g.Shape));
            var relative = vector && g.W >= 32 ? RelativeF4 : Relative;
            var random = new RandomStream(33, 1);
            var x = TestArrays.Uniform(random, g.InputLength);
            var w = TestArrays.Uniform(random, g.WeightLength);
            var b = TestArrays.Uniform(random, g.Cout);
            var dy = TestArrays.Uniform(random, g.OutputLength);
            var y = Filled(g.OutputLength);
            var dx = Filled(g.InputLength);
            Conv2dKernels.Forward(g, x, w, b, y, threads: 2);
            Conv2dKernels.BackwardData(g, dy, w, dx, 2);
            var (expected, scale) = NaiveConv.Forward(g, x, w, b);
            TestArrays.Close(expected, scale, y, relative, $"{g} forward");
            (expected, scale) = NaiveConv.BackwardData(g, dy, w);
            TestArrays.Close(expected, scale, dx, relative, $"{g} input gradient");
        }
    }

    private static float[] Filled(int length)
    {
        var values = new float[length];
        Array.Fill(values, float.NaN);
        return values;
    }
}
