using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Single-precision general matrix multiply on row-major matrices: C = alpha·op(A)·op(B) + beta·C.
/// Goto/BLIS structure: cache-blocked loops around packed panels and a register-blocked micro-kernel
/// (AVX-512, AVX2+FMA or scalar, whichever the machine runs best).
/// </summary>
public static unsafe class Sgemm
{
    /// <summary>Below this many multiply-adds a call runs on the calling thread: waking workers would cost more than it saves.</summary>
    private const long ParallelThreshold = 1L << 21;

    /// <summary>The fastest micro-kernel this machine supports.</summary>
    internal static readonly SgemmKernelKind BestKernel =
        Avx512F.IsSupported ? SgemmKernelKind.Avx512
        : Avx2.IsSupported && Fma.IsSupported ? SgemmKernelKind.Avx2
        : SgemmKernelKind.Scalar;

    /// <summary>
    /// op(A) is m×k and op(B) is k×n. With beta = 0 the previous content of C is ignored (NaN in C does not leak).
    /// Every element of C is computed by one thread in a fixed order, so the result does not depend on <paramref name="threads"/>.
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, int threads = 1)
        => Multiply(BestKernel, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, default, false, threads);

    /// <summary>
    /// As <see cref="Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int, int)"/>,
    /// then C[i, j] += rowBias[i] (when <paramref name="rowBias"/> is not empty; it then has m values) and, when
    /// <paramref name="relu"/> is set, C = max(C, 0). The epilogue is applied to each tile as it leaves the registers.
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        ReadOnlySpan<float> rowBias, bool relu, int threads = 1)
        => Multiply(BestKernel, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, rowBias, relu, threads);

    /// <summary>Whether <paramref name="kind"/> can run on this machine.</summary>
    internal static bool IsSupported(SgemmKernelKind kind) => kind switch
    {
        SgemmKernelKind.Avx512 => Avx512F.IsSupported,
        SgemmKernelKind.Avx2 => Avx2.IsSupported && Fma.IsSupported,
        _ => true,
    };

    /// <summary>The full operation on a chosen micro-kernel, so each instruction-set path can be tested on one machine.</summary>
    internal static void Multiply(SgemmKernelKind kind, bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        ReadOnlySpan<float> rowBias, bool relu, int threads)
    {
        CheckArguments(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        if (!rowBias.IsEmpty && rowBias.Length != m)
            throw new ArgumentException($"Sgemm: row bias has {rowBias.Length} values, expected m={m} (one per row of C).");
        if (threads < 1)
            throw new ArgumentException($"Sgemm: thread count must be at least 1, got {threads}.");
        if (!IsSupported(kind))
            throw new InvalidOperationException($"Sgemm: the {kind} micro-kernel needs instructions this machine lacks.");
        if (m == 0 || n == 0) return;

        fixed (float* pa = a, pb = b, pc = c, pBias = rowBias)
        {
            var bias = rowBias.IsEmpty ? null : pBias;
            if (k == 0 || alpha == 0f)
            {
                ScaleOnly(m, n, beta, pc, ldc, bias, relu);
                return;
            }
            var problem = new SgemmProblem(SgemmPlan.For(kind), transA, transB, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, bias, relu);
            if (threads == 1 || (long)m * n * k < ParallelThreshold)
            {
                problem.Run(0, m, 0, n);
                return;
            }
            RunParallel(problem, m, n, k, threads);
        }
    }

    /// <summary>
    /// Splits C into a tm×tn grid of MR/NR-aligned rectangles, one per worker, choosing the grid that packs the least
    /// duplicated data (each worker packs the A rows and B columns of its own rectangle).
    /// </summary>
    private static void RunParallel(SgemmProblem problem, int m, int n, int k, int threads)
    {
        var mr = problem.Plan.MR;
        var nr = problem.Plan.NR;
        var mTiles = (m + mr - 1) / mr;
        var nTiles = (n + nr - 1) / nr;
        var workers = (int)Math.Min(threads, (long)mTiles * nTiles);
        var (tm, tn) = (1, workers);
        var best = double.MaxValue;
        for (var rows = 1; rows <= workers; rows++)
        {
            if (workers % rows != 0) continue;
            var cols = workers / rows;
            if (rows > mTiles || cols > nTiles) continue;
            var cost = (double)cols * m * k + (double)rows * n * k;
            if (cost < best) (best, tm, tn) = (cost, rows, cols);
        }
        if (best == double.MaxValue) (tm, tn) = mTiles >= workers ? (workers, 1) : (mTiles, 1);
        if (tm * tn == 1)
        {
            problem.Run(0, m, 0, n);
            return;
        }
        Parallel.For(0, tm * tn, new ParallelOptions { MaxDegreeOfParallelism = tm * tn }, w =>
        {
            var (r, q) = (w / tn, w % tn);
            var i0 = Math.Min(m, (int)((long)mTiles * r / tm) * mr);
            var i1 = Math.Min(m, (int)((long)mTiles * (r + 1) / tm) * mr);
            var j0 = Math.Min(n, (int)((long)nTiles * q / tn) * nr);
            var j1 = Math.Min(n, (int)((long)nTiles * (q + 1) / tn) * nr);
            if (i0 < i1 && j0 < j1) problem.Run(i0, i1, j0, j1);
        });
    }

    /// <summary>C = beta·C (or 0 when beta = 0) plus the epilogue: the whole result when the product term vanishes.</summary>
    private static void ScaleOnly(int m, int n, float beta, float* c, nint ldc, float* bias, bool relu)
    {
        for (var i = 0; i < m; i++)
        {
            var row = c + i * ldc;
            for (var j = 0; j < n; j++)
            {
                var v = beta == 0f ? 0f : beta * row[j];
                if (bias != null) v += bias[i];
                if (relu) v = v > 0f ? v : 0f;
                row[j] = v;
            }
        }
    }

    internal static void CheckArguments(bool transA, bool transB, int m, int n, int k, int aLength, int lda,
        int bLength, int ldb, int cLength, int ldc)
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentException($"Sgemm: dimensions must be non-negative, got m={m}, n={n}, k={k}.");
        var (aRows, aCols) = transA ? (k, m) : (m, k);
        var (bRows, bCols) = transB ? (n, k) : (k, n);
        CheckMatrix("A", aRows, aCols, aLength, lda);
        CheckMatrix("B", bRows, bCols, bLength, ldb);
        CheckMatrix("C", m, n, cLength, ldc);
    }

    private static void CheckMatrix(string name, int rows, int cols, int length, int ld)
    {
        if (rows == 0 || cols == 0) return;
        if (ld < cols)
            throw new ArgumentException($"Sgemm: leading dimension of {name} is {ld}, smaller than its {cols} columns.");
        if ((long)(rows - 1) * ld + cols > length)
            throw new ArgumentException($"Sgemm: {name} needs {(long)(rows - 1) * ld + cols} elements for {rows}×{cols} with leading dimension {ld}, got {length}.");
    }
}
