namespace Perrin.Nn.Backends.Cpu;

/// <summary>Single-precision general matrix multiply on row-major matrices: C = alpha·op(A)·op(B) + beta·C.</summary>
public static class Sgemm
{
    /// <summary>
    /// op(A) is m×k and op(B) is k×n. With beta = 0 the previous content of C is ignored (NaN in C does not leak).
    /// Every element of C is computed by one thread in a fixed order, so the result does not depend on <paramref name="threads"/>.
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc, int threads = 1)
    {
        CheckArguments(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        _ = threads;
        for (var i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == 0f) row.Clear();
            else if (beta != 1f) for (var j = 0; j < n; j++) row[j] *= beta;
            for (var p = 0; p < k; p++)
            {
                var aip = alpha * (transA ? a[p * lda + i] : a[i * lda + p]);
                if (aip == 0f) continue;
                if (!transB)
                {
                    var brow = b.Slice(p * ldb, n);
                    for (var j = 0; j < n; j++) row[j] += aip * brow[j];
                }
                else
                {
                    for (var j = 0; j < n; j++) row[j] += aip * b[j * ldb + p];
                }
            }
        }
    }

    /// <summary>
    /// C = alpha·op(A)·op(B) + beta·C, then rowBias[i] added to every element of row i (when rowBias is not empty),
    /// then negative values set to zero when <paramref name="relu"/> is set.
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        ReadOnlySpan<float> rowBias, bool relu, int threads = 1)
    {
        if (!rowBias.IsEmpty && rowBias.Length < m)
            throw new ArgumentException($"Sgemm: row bias has {rowBias.Length} elements, fewer than the {m} rows of C.");
        Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, threads);
        for (var i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (!rowBias.IsEmpty) System.Numerics.Tensors.TensorPrimitives.Add(row, rowBias[i], row);
            if (relu) System.Numerics.Tensors.TensorPrimitives.Max(row, 0f, row);
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
