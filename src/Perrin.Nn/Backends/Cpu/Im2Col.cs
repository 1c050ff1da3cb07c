using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Unfolds one group of one image into the column matrix [CinG·KH·KW, OutH·OutW] and folds it back. Each column row
/// is built from contiguous input-row segments: the valid output columns of a kernel tap are computed once, so the
/// inner loops are plain copies (stride 1) or a strided gather without per-element bounds tests.
/// </summary>
internal static class Im2Col
{
    public static void Unfold(in ConvShape s, ReadOnlySpan<float> image, Span<float> col) => Unfold(s, image, col, s.P);

    /// <summary>As <see cref="Unfold(in ConvShape, ReadOnlySpan{float}, Span{float})"/> into rows <paramref name="ld"/> floats apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Unfold(in ConvShape s, ReadOnlySpan<float> image, Span<float> col, int ld)
    {
        if (Avx512F.IsSupported && IsValidUnitStride(s))
        {
            UnfoldValid(s, image, col, ld);
            return;
        }
        int outW = s.OutW, p = s.P, plane = s.InPlane;
        var row = 0;
        for (var c = 0; c < s.CinG; c++)
        {
            var src = image.Slice(c * plane, plane);
            for (var kh = 0; kh < s.KH; kh++)
            {
                for (var kw = 0; kw < s.KW; kw++, row++)
                {
                    var dst = col.Slice(row * ld, p);
                    var (lo, hi) = ValidColumns(s, kw);
                    var iw0 = lo * s.StrideW - s.PadW + kw * s.DilationW;
                    for (var oh = 0; oh < s.OutH; oh++)
                    {
                        var d = dst.Slice(oh * outW, outW);
                        var ih = oh * s.StrideH - s.PadH + kh * s.DilationH;
                        if ((uint)ih >= (uint)s.H || lo >= hi)
                        {
                            d.Clear();
                            continue;
                        }
                        var srcRow = src.Slice(ih * s.W, s.W);
                        ref var d0 = ref MemoryMarshal.GetReference(d);
                        for (var j = 0; j < lo; j++) Unsafe.Add(ref d0, j) = 0f;
                        for (var j = hi; j < outW; j++) Unsafe.Add(ref d0, j) = 0f;
                        if (s.StrideW == 1) Copy(srcRow.Slice(iw0, hi - lo), d[lo..]);
                        else Gather(srcRow[iw0..], s.StrideW, d[lo..hi]);
                    }
                }
            }
        }
    }

    /// <summary>Adds the column matrix back onto the image (which the caller has cleared or wants accumulated).</summary>
    public static void Fold(in ConvShape s, ReadOnlySpan<float> col, Span<float> image) => Fold(s, col, image, s.P);

    /// <summary>As <see cref="Fold(in ConvShape, ReadOnlySpan{float}, Span{float})"/> from rows <paramref name="ld"/> floats apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold(in ConvShape s, ReadOnlySpan<float> col, Span<float> image, int ld)
    {
        if (Avx512F.IsSupported && IsValidUnitStride(s))
        {
            FoldValid(s, col, image, ld);
            return;
        }
        int outW = s.OutW, p = s.P, plane = s.InPlane;
        var row = 0;
        for (var c = 0; c < s.CinG; c++)
        {
            var dstPlane = image.Slice(c * plane, plane);
            for (var kh = 0; kh < s.KH; kh++)
            {
                for (var kw = 0; kw < s.KW; kw++, row++)
                {
                    var src = col.Slice(row * ld, p);
                    var (lo, hi) = ValidColumns(s, kw);
                    if (lo >= hi) continue;
                    var iw0 = lo * s.StrideW - s.PadW + kw * s.DilationW;
                    for (var oh = 0; oh < s.OutH; oh++)
                    {
                        var ih = oh * s.StrideH - s.PadH + kh * s.DilationH;
                        if ((uint)ih >= (uint)s.H) continue;
                        var segment = src.Slice(oh * outW + lo, hi - lo);
                        var dstRow = dstPlane.Slice(ih * s.W, s.W);
                        if (s.StrideW == 1)
                        {
                            AddTo(segment, dstRow.Slice(iw0, hi - lo));
                        }
                        else
                        {
                            Scatter(segment, dstRow[iw0..], s.StrideW);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// No padding, stride 1 and dilation 1 (a "valid" convolution): every tap's output row is one unbroken run of the
    /// input row, so the copies need no edge handling.
    /// </summary>
    private static bool IsValidUnitStride(in ConvShape s) =>
        s.PadH == 0 && s.PadW == 0 && s.StrideH == 1 && s.StrideW == 1 && s.DilationH == 1 && s.DilationW == 1;

    /// <summary>
    /// <see cref="Unfold(in ConvShape, ReadOnlySpan{float}, Span{float}, int)"/> for a valid unit-stride convolution.
    /// Small images have rows of a few pixels (9 on 11×11 with a 3×3 kernel), where the general path's per-row
    /// bounds work cost more than the copy; here a row is whole vectors and one masked vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void UnfoldValid(in ConvShape s, ReadOnlySpan<float> image, Span<float> col, int ld)
    {
        int outW = s.OutW, outH = s.OutH, w = s.W;
        _ = image[s.CinG * s.InPlane - 1];
        _ = col[(s.K - 1) * ld + s.P - 1];
        var tail = TailMask(outW);
        var full = outW & ~15;
        fixed (float* x = image, c = col)
        {
            var dst = c;
            for (var ch = 0; ch < s.CinG; ch++)
            {
                var plane = x + ch * s.InPlane;
                for (var kh = 0; kh < s.KH; kh++)
                {
                    for (var kw = 0; kw < s.KW; kw++, dst += ld)
                    {
                        var src = plane + kh * w + kw;
                        var d = dst;
                        for (var oh = 0; oh < outH; oh++, src += w, d += outW)
                        {
                            var j = 0;
                            for (; j < full; j += 16) Vector512.Load(src + j).Store(d + j);
                            if (j < outW) Avx512F.MaskStore(d + j, tail, Avx512F.MaskLoad(src + j, tail, Vector512<float>.Zero));
                        }
                    }
                }
            }
        }
    }

    /// <summary><see cref="Fold(in ConvShape, ReadOnlySpan{float}, Span{float}, int)"/> for a valid unit-stride convolution.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void FoldValid(in ConvShape s, ReadOnlySpan<float> col, Span<float> image, int ld)
    {
        int outW = s.OutW, outH = s.OutH, w = s.W;
        _ = image[s.CinG * s.InPlane - 1];
        _ = col[(s.K - 1) * ld + s.P - 1];
        var tail = TailMask(outW);
        var full = outW & ~15;
        fixed (float* x = image, c = col)
        {
            var src = c;
            for (var ch = 0; ch < s.CinG; ch++)
            {
                var plane = x + ch * s.InPlane;
                for (var kh = 0; kh < s.KH; kh++)
                {
                    for (var kw = 0; kw < s.KW; kw++, src += ld)
                    {
                        var d = plane + kh * w + kw;
                        var r = src;
                        for (var oh = 0; oh < outH; oh++, d += w, r += outW)
                        {
                            var j = 0;
                            for (; j < full; j += 16) (Vector512.Load(d + j) + Vector512.Load(r + j)).Store(d + j);
                            if (j < outW)
                            {
                                var sum = Avx512F.MaskLoad(d + j, tail, Vector512<float>.Zero) + Avx512F.MaskLoad(r + j, tail, Vector512<float>.Zero);
                                Avx512F.MaskStore(d + j, tail, sum);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Lanes of the last, partial vector of a row of <paramref name="width"/> floats.</summary>
    private static Vector512<float> TailMask(int width) =>
        Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(width & 15)).AsSingle();

    /// <summary>Output columns [lo, hi) whose input column for tap <paramref name="kw"/> lies inside the image.</summary>
    private static (int Lo, int Hi) ValidColumns(in ConvShape s, int kw)
    {
        var offset = kw * s.DilationW - s.PadW;
        var lo = Math.Max(0, CeilDiv(-offset, s.StrideW));
        var hi = Math.Min(s.OutW, FloorDiv(s.W - 1 - offset, s.StrideW) + 1);
        return (lo, Math.Max(lo, hi));
    }

    private static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static int CeilDiv(int a, int b) => -FloorDiv(-a, b);

    /// <summary>
    /// Row segments are short (often 9–64 floats), so these avoid the fixed cost of the library calls. A copy moves
    /// whole vectors, the last one overlapping the one before it (it writes the same values again), where a block
    /// copy of a 9-float row (an 11×11 image's valid 3×3 taps) costs a call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Copy(ReadOnlySpan<float> src, Span<float> dst)
    {
        var n = src.Length;
        _ = dst[n - 1];
        ref var s0 = ref MemoryMarshal.GetReference(src);
        ref var d0 = ref MemoryMarshal.GetReference(dst);
        if (!Vector256.IsHardwareAccelerated || n < Vector256<float>.Count)
        {
            for (var j = 0; j < n; j++) Unsafe.Add(ref d0, j) = Unsafe.Add(ref s0, j);
            return;
        }
        var last = (nuint)(n - Vector256<float>.Count);
        for (nuint j = 0; j < last; j += (nuint)Vector256<float>.Count)
            Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref s0, j), ref d0, j);
        Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref s0, last), ref d0, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddTo(ReadOnlySpan<float> src, Span<float> dst)
    {
        _ = dst[src.Length - 1];
        ref var s0 = ref MemoryMarshal.GetReference(src);
        ref var d0 = ref MemoryMarshal.GetReference(dst);
        var j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= src.Length - Vector256<float>.Count; j += Vector256<float>.Count)
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref d0, (nuint)j) + Vector256.LoadUnsafe(ref s0, (nuint)j), ref d0, (nuint)j);
        }
        for (; j < src.Length; j++) Unsafe.Add(ref d0, j) += Unsafe.Add(ref s0, j);
    }

    private static void Gather(ReadOnlySpan<float> src, int stride, Span<float> dst)
    {
        if (dst.IsEmpty) return;
        _ = src[(dst.Length - 1) * stride];
        ref var s0 = ref MemoryMarshal.GetReference(src);
        ref var d0 = ref MemoryMarshal.GetReference(dst);
        for (var j = 0; j < dst.Length; j++) Unsafe.Add(ref d0, j) = Unsafe.Add(ref s0, j * stride);
    }

    private static void Scatter(ReadOnlySpan<float> src, Span<float> dst, int stride)
    {
        if (src.IsEmpty) return;
        _ = dst[(src.Length - 1) * stride];
        ref var s0 = ref MemoryMarshal.GetReference(src);
        ref var d0 = ref MemoryMarshal.GetReference(dst);
        for (var j = 0; j < src.Length; j++) Unsafe.Add(ref d0, j * stride) += Unsafe.Add(ref s0, j);
    }
}
