namespace Perrin.Nn.Backends;

/// <summary>
/// The compute kernels behind tensor operations. The managed CPU backend is the reference and the default; any
/// other backend must give the same results within float tolerance and is tested against it.
/// </summary>
public interface IBackend
{
    /// <summary>A short name for logs and benchmark reports.</summary>
    string Name { get; }

    /// <summary>Worker threads the kernels may use.</summary>
    int Threads { get; }

    /// <summary>C = alpha·op(A)·op(B) + beta·C on row-major matrices.</summary>
    void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc);
}
