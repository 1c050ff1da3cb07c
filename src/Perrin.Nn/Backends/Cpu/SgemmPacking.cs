using System.Runtime.CompilerServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous micro-panel layout the micro-kernels stream through:
/// A as MR-row panels (k-major, MR values per k) scaled by alpha, B as NR-column panels (NR values per k).
/// Partial panels are zero-padded so the kernels never branch on the edge inside the K loop.
/// </summary>
internal static unsafe class SgemmPacking
{
    /// <summary>Packs rows [i0, i0+mc) and columns [p0, p0+kc) of op(A) into ceil(mc/mr) panels of mr×kc.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(bool transA, float* a, nint lda, int i0, int mc, int p0, int kc, float alpha, int mr, float* dst)
    {
        for (var ir = 0; ir < mc; ir += mr)
        {
            var rows = Math.Min(mr, mc - ir);
            if (transA)
            {
                var src = a + (nint)p0 * lda + i0 + ir;
                for (var p = 0; p < kc; p++, src += lda, dst += mr)
                {
                    var i = 0;
                    for (; i < rows; i++) dst[i] = alpha * src[i];
                    for (; i < mr; i++) dst[i] = 0f;
                }
            }
            else
            {
                for (var i = 0; i < rows; i++)
                {
                    var src = a + (nint)(i0 + ir + i) * lda + p0;
                    var d = dst + i;
                    for (var p = 0; p < kc; p++, d += mr) *d = alpha * src[p];
                }
                for (var i = rows; i < mr; i++)
                {
                    var d = dst + i;
                    for (var p = 0; p < kc; p++, d += mr) *d = 0f;
                }
                dst += (nint)mr * kc;
            }
        }
    }

    /// <summary>Packs rows [p0, p0+kc) and columns [j0, j0+nc) of op(B) into ceil(nc/nr) panels of kc×nr.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(bool transB, float* b, nint ldb, int p0, int kc, int j0, int nc, int nr, float* dst)
    {
        for (var jr = 0; jr < nc; jr += nr)
        {
            var cols = Math.Min(nr, nc - jr);
            if (transB)
            {
                for (var j = 0; j < cols; j++)
                {
                    var src = b + (nint)(j0 + jr + j) * ldb + p0;
                    var d = dst + j;
                    for (var p = 0; p < kc; p++, d += nr) *d = src[p];
                }
                for (var j = cols; j < nr; j++)
                {
                    var d = dst + j;
                    for (var p = 0; p < kc; p++, d += nr) *d = 0f;
                }
                dst += (nint)nr * kc;
            }
            else
            {
                var src = b + (nint)p0 * ldb + j0 + jr;
                for (var p = 0; p < kc; p++, src += ldb, dst += nr)
                {
                    new ReadOnlySpan<float>(src, cols).CopyTo(new Span<float>(dst, cols));
                    if (cols < nr) new Span<float>(dst + cols, nr - cols).Clear();
                }
            }
        }
    }
}
