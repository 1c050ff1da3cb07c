using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
                var j = 0;
                if (Avx.IsSupported)
                {
                    for (; j + 8 <= cols; j += 8)
                        PackTransposed8(b + (nint)(j0 + jr + j) * ldb + p0, ldb, kc, nr, dst + j);
                }
                for (; j < cols; j++)
                {
                    var src = b + (nint)(j0 + jr + j) * ldb + p0;
                    var d = dst + j;
                    for (var p = 0; p < kc; p++, d += nr) *d = src[p];
                }
                for (j = cols; j < nr; j++)
                {
                    var d = dst + j;
                    for (var p = 0; p < kc; p++, d += nr) *d = 0f;
                }
                dst += (nint)nr * kc;
            }
            else if (Avx512F.IsSupported && nr == 64 && cols == 64)
            {
                PackRows64(b + (nint)p0 * ldb + j0 + jr, ldb, kc, dst);
                dst += (nint)nr * kc;
            }
            else if (Avx.IsSupported && nr == 16 && cols == 16)
            {
                PackRows16(b + (nint)p0 * ldb + j0 + jr, ldb, kc, dst);
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

    /// <summary>
    /// Copies kc rows of 64 floats, ldb apart, into a packed panel. Each row lies in its own page when B is wide, more
    /// rows than the hardware prefetcher follows, so the row's next 64 floats (the next panel's part of it) are
    /// fetched into L2 ahead of their turn.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackRows64(float* src, nint ldb, int kc, float* dst)
    {
        for (var p = 0; p < kc; p++, src += ldb, dst += 64)
        {
            Sse.Prefetch1(src + 64);
            Sse.Prefetch1(src + 80);
            Sse.Prefetch1(src + 96);
            Sse.Prefetch1(src + 112);
            Vector512.Load(src).Store(dst);
            Vector512.Load(src + 16).Store(dst + 16);
            Vector512.Load(src + 32).Store(dst + 32);
            Vector512.Load(src + 48).Store(dst + 48);
        }
    }

    /// <summary>
    /// Copies kc rows of 16 floats of B (stride ldb) into a packed AVX2 panel. A library copy per 64-byte row cost
    /// more in its call than in the bytes it moved (3% of a U-Net inference batch on AVX2, through the Winograd
    /// products and the transposed convolutions).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackRows16(float* src, nint ldb, int kc, float* dst)
    {
        for (var p = 0; p < kc; p++, src += ldb, dst += 16)
        {
            Vector256.Load(src).Store(dst);
            Vector256.Load(src + 8).Store(dst + 8);
        }
    }

    /// <summary>
    /// Writes 8 rows of B (each kc long, stride ldb) as 8 columns of a packed panel of width nr, 8×8 blocks at a time
    /// through registers, since the element-wise loop would make scattered stores NR floats apart.
    /// </summary>
    private static void PackTransposed8(float* src, nint ldb, int kc, int nr, float* dst)
    {
        var p = 0;
        for (; p + 8 <= kc; p += 8)
        {
            var s = src + p;
            var t0 = Avx.UnpackLow(Avx.LoadVector256(s), Avx.LoadVector256(s + ldb));
            var t1 = Avx.UnpackHigh(Avx.LoadVector256(s), Avx.LoadVector256(s + ldb));
            var t2 = Avx.UnpackLow(Avx.LoadVector256(s + 2 * ldb), Avx.LoadVector256(s + 3 * ldb));
            var t3 = Avx.UnpackHigh(Avx.LoadVector256(s + 2 * ldb), Avx.LoadVector256(s + 3 * ldb));
            var t4 = Avx.UnpackLow(Avx.LoadVector256(s + 4 * ldb), Avx.LoadVector256(s + 5 * ldb));
            var t5 = Avx.UnpackHigh(Avx.LoadVector256(s + 4 * ldb), Avx.LoadVector256(s + 5 * ldb));
            var t6 = Avx.UnpackLow(Avx.LoadVector256(s + 6 * ldb), Avx.LoadVector256(s + 7 * ldb));
            var t7 = Avx.UnpackHigh(Avx.LoadVector256(s + 6 * ldb), Avx.LoadVector256(s + 7 * ldb));
            var u0 = Avx.Shuffle(t0, t2, 0x44);
            var u1 = Avx.Shuffle(t0, t2, 0xEE);
            var u2 = Avx.Shuffle(t1, t3, 0x44);
            var u3 = Avx.Shuffle(t1, t3, 0xEE);
            var u4 = Avx.Shuffle(t4, t6, 0x44);
            var u5 = Avx.Shuffle(t4, t6, 0xEE);
            var u6 = Avx.Shuffle(t5, t7, 0x44);
            var u7 = Avx.Shuffle(t5, t7, 0xEE);
            var d = dst + (nint)p * nr;
            Avx.Store(d, Avx.Permute2x128(u0, u4, 0x20));
            Avx.Store(d + nr, Avx.Permute2x128(u1, u5, 0x20));
            Avx.Store(d + 2 * nr, Avx.Permute2x128(u2, u6, 0x20));
            Avx.Store(d + 3 * nr, Avx.Permute2x128(u3, u7, 0x20));
            Avx.Store(d + 4 * nr, Avx.Permute2x128(u0, u4, 0x31));
            Avx.Store(d + 5 * nr, Avx.Permute2x128(u1, u5, 0x31));
            Avx.Store(d + 6 * nr, Avx.Permute2x128(u2, u6, 0x31));
            Avx.Store(d + 7 * nr, Avx.Permute2x128(u3, u7, 0x31));
        }
        for (; p < kc; p++)
        {
            var d = dst + (nint)p * nr;
            for (var r = 0; r < 8; r++) d[r] = src[r * ldb + p];
        }
    }
}
