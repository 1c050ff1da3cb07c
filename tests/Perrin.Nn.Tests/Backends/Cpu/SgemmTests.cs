using Perrin.Core.Randomness;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Tests.Backends.Cpu;

public class SgemmTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 },
        { 7, 13, 29 },
        { 1, 1000, 3 },
        { 300, 5, 17 },
        { 16, 700, 144 },
        { 33, 129, 300 },
        { 150, 70, 513 },
        { 13, 4200, 20 },
        { 6, 64, 256 },
        { 12, 128, 512 },
        { 20, 200, 1100 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AllTransposesMatchDoubleReference(int m, int n, int k)
    {
        foreach (var kind in SupportedKernels())
        {
            foreach (var transA in new[] { false, true })
            {
                foreach (var transB in new[] { false, true })
                    Check(kind, transA, transB, m, n, k, 1f, 0f, padding: 0, bias: false, relu: false, seed: 1);
            }
        }
    }

    [Theory]
    [InlineData(1.5f, 0f)]
    [InlineData(1f, 1f)]
    [InlineData(-0.75f, 0.5f)]
    [InlineData(0f, 0.5f)]
    public void AlphaBetaAndLeadingDimensions(float alpha, float beta)
    {
        foreach (var kind in SupportedKernels())
        {
            foreach (var transA in new[] { false, true })
            {
                foreach (var transB in new[] { false, true })
                    Check(kind, transA, transB, 37, 85, 61, alpha, beta, padding: 5, bias: false, relu: false, seed: 2);
            }
        }
    }

    [Theory]
    [InlineData(false, 0f)]
    [InlineData(true, 0f)]
    [InlineData(true, 0.5f)]
    public void BiasAndReluEpilogue(bool relu, float beta)
    {
        foreach (var kind in SupportedKernels())
        {
            Check(kind, false, false, 19, 150, 600, 1f, beta, padding: 3, bias: true, relu: relu, seed: 3);
            Check(kind, true, true, 70, 33, 40, 0.5f, beta, padding: 0, bias: true, relu: relu, seed: 4);
        }
    }

    [Fact]
    public void ZeroKGivesBetaTimesCPlusEpilogue()
    {
        var c = new[] { 2f, -4f, 6f, -8f };
        Sgemm.Multiply(false, false, 2, 2, 0, 1f, ReadOnlySpan<float>.Empty, 0, ReadOnlySpan<float>.Empty, 2, 0.5f, c, 2,
            new[] { 1f, 10f }, true);
        Assert.Equal(new[] { 2f, 0f, 13f, 6f }, c);
    }

    [Theory]
    [InlineData((int)SgemmKernelKind.Scalar)]
    [InlineData((int)SgemmKernelKind.Avx2)]
    [InlineData((int)SgemmKernelKind.Avx512)]
    public void ResultIsBitIdenticalForAnyThreadCount(int kernel)
    {
        var kind = (SgemmKernelKind)kernel;
        if (!Sgemm.IsSupported(kind)) return;
        foreach (var (m, n, k, transA, transB) in new[] { (190, 301, 97, false, false), (64, 2000, 40, false, true), (500, 70, 65, true, false) })
        {
            var rng = new RandomStream(7, 0);
            var a = Fill(rng, m * k);
            var b = Fill(rng, k * n);
            var bias = Fill(rng, m);
            float[]? first = null;
            for (var threads = 1; threads <= 4; threads++)
            {
                var c = Fill(new RandomStream(9, 0), m * n);
                Sgemm.Multiply(kind, transA, transB, m, n, k, 0.9f, a, transA ? m : k, b, transB ? k : n, 0.5f, c, n, bias, true, threads);
                first ??= c;
                Assert.Equal(first, c);
            }
        }
    }

    [Fact]
    public void KernelsAgreeWithEachOther()
    {
        var rng = new RandomStream(11, 0);
        const int m = 45, n = 130, k = 300;
        var a = Fill(rng, m * k);
        var b = Fill(rng, k * n);
        var scalar = new float[m * n];
        Sgemm.Multiply(SgemmKernelKind.Scalar, false, false, m, n, k, 1f, a, k, b, n, 0f, scalar, n, default, false, 1);
        foreach (var kind in SupportedKernels())
        {
            var c = new float[m * n];
            Sgemm.Multiply(kind, false, false, m, n, k, 1f, a, k, b, n, 0f, c, n, default, false, 2);
            for (var i = 0; i < c.Length; i++) Assert.True(Math.Abs(c[i] - scalar[i]) <= 1e-4f, $"{kind} differs from scalar at {i}");
        }
    }

    [Fact]
    public void BadArgumentsNameTheProblem()
    {
        var a = new float[6];
        var c = new float[4];
        var ex = Assert.Throws<ArgumentException>(() => Sgemm.Multiply(false, false, 2, 2, 3, 1f, a, 3, new float[5], 2, 0f, c, 2));
        Assert.Contains("B needs 6 elements", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => Sgemm.Multiply(false, false, 2, 2, 3, 1f, a, 3, new float[6], 2, 0f, c, 2, new float[3], false));
        Assert.Contains("row bias has 3 values", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<ArgumentException>(() => Sgemm.Multiply(false, false, 2, 2, 3, 1f, a, 3, new float[6], 2, 0f, c, 2, 0));
        Assert.Contains("thread count", ex.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<SgemmKernelKind> SupportedKernels()
    {
        foreach (var kind in new[] { SgemmKernelKind.Scalar, SgemmKernelKind.Avx2, SgemmKernelKind.Avx512 })
        {
            if (Sgemm.IsSupported(kind)) yield return kind;
        }
    }

    private static void Check(SgemmKernelKind kind, bool transA, bool transB, int m, int n, int k, float alpha, float beta,
        int padding, bool bias, bool relu, int seed)
    {
        var rng = new RandomStream((ulong)seed, 0);
        var (aRows, aCols) = transA ? (k, m) : (m, k);
        var (bRows, bCols) = transB ? (n, k) : (k, n);
        int lda = aCols + padding, ldb = bCols + padding, ldc = n + padding;
        var a = Fill(rng, aRows * lda);
        var b = Fill(rng, bRows * ldb);
        var c = beta == 0f ? Enumerable.Repeat(float.NaN, m * ldc).ToArray() : Fill(rng, m * ldc);
        var rowBias = bias ? Fill(rng, m) : null;
        var expected = SgemmReference.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, rowBias, relu);
        var before = (float[])c.Clone();
        Sgemm.Multiply(kind, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, rowBias, relu, 2);
        var label = $"{kind} transA={transA} transB={transB} {m}x{n}x{k} alpha={alpha} beta={beta}";
        SgemmReference.AssertClose(expected, c, m, n, ldc, k, Math.Max(Math.Abs(alpha), 1f) * 0.25, label);
        for (var i = 0; i < m; i++)
        {
            for (var j = n; j < ldc; j++)
                Assert.True(before[i * ldc + j].Equals(c[i * ldc + j]), $"{label}: padding C[{i},{j}] was written.");
        }
    }

    private static float[] Fill(RandomStream rng, int length)
    {
        var values = new float[length];
        for (var i = 0; i < values.Length; i++) values[i] = (float)(rng.NextDouble() * 2 - 1);
        return values;
    }
}
