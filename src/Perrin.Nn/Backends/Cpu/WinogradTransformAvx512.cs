using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// AVX-512 Winograd F(2×2, 3×3) tile transforms on 16 tiles at once (the same arithmetic as
/// <see cref="WinogradTransformScalar"/>). Neighbouring tiles' windows start 2 columns apart, so each window column
/// is the even or odd half of two loaded vectors.
/// </summary>
[SkipLocalsInit]
internal static unsafe class WinogradTransformAvx512
{
    private const int Lanes = 16;

    /// <summary>As <see cref="WinogradTransformScalar.Input"/>, writing whole vectors: up to 15 values past
    /// <paramref name="count"/> in each row of dst are overwritten, and the source is read that far too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Input(float* source, nint stride, int count, float* dst, nint xiStride)
    {
        var even = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
        var odd = even + Vector512<int>.One;
        for (var k = 0; k < count; k += Lanes)
        {
            var p = source + 2 * k;
            Row(p, even, odd, out var h00, out var h01, out var h02, out var h03);
            Row(p + stride, even, odd, out var h10, out var h11, out var h12, out var h13);
            Row(p + 2 * stride, even, odd, out var h20, out var h21, out var h22, out var h23);
            Row(p + 3 * stride, even, odd, out var h30, out var h31, out var h32, out var h33);
            var d = dst + k;
            Column(d, xiStride, h00, h10, h20, h30);
            Column(d + xiStride, xiStride, h01, h11, h21, h31);
            Column(d + 2 * xiStride, xiStride, h02, h12, h22, h32);
            Column(d + 3 * xiStride, xiStride, h03, h13, h23, h33);
        }
    }

    /// <summary>As <see cref="WinogradTransformScalar.Output"/>; reads up to 15 values past <paramref name="count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Output(float* m, nint xiStride, int count, float bias, bool relu, float* output,
        nint outStride, int validColumns, bool secondRow)
    {
        var low = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        var high = low + Vector512.Create(8);
        var b = Vector512.Create(bias);
        for (var k = 0; k < count; k += Lanes)
        {
            var p = m + k;
            Fold(p, xiStride, out var t00, out var t10);
            Fold(p + xiStride, xiStride, out var t01, out var t11);
            Fold(p + 2 * xiStride, xiStride, out var t02, out var t12);
            Fold(p + 3 * xiStride, xiStride, out var t03, out var t13);
            var x = 2 * k;
            var valid = validColumns - x;
            Store(output + x, t00 + t01 + t02 + b, t01 - t02 - t03 + b, relu, low, high, valid);
            if (secondRow) Store(output + outStride + x, t10 + t11 + t12 + b, t11 - t12 - t13 + b, relu, low, high, valid);
        }
    }

    /// <summary>
    /// <see cref="Input"/> on two rows of 8 tiles at once: lanes 0–7 are the tiles of the row at
    /// <paramref name="source"/>, lanes 8–15 those of the next tile row, which the block stores right after them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InputPair(float* source, nint stride, float* dst, nint xiStride)
    {
        var even = Vector512.Create(0, 2, 4, 6, 16, 18, 20, 22, 8, 10, 12, 14, 24, 26, 28, 30);
        var odd = even + Vector512<int>.One;
        var next = source + 2 * stride;
        RowPair(source, next, even, odd, out var h00, out var h01, out var h02, out var h03);
        RowPair(source + stride, next + stride, even, odd, out var h10, out var h11, out var h12, out var h13);
        RowPair(source + 2 * stride, next + 2 * stride, even, odd, out var h20, out var h21, out var h22, out var h23);
        RowPair(source + 3 * stride, next + 3 * stride, even, odd, out var h30, out var h31, out var h32, out var h33);
        Column(dst, xiStride, h00, h10, h20, h30);
        Column(dst + xiStride, xiStride, h01, h11, h21, h31);
        Column(dst + 2 * xiStride, xiStride, h02, h12, h22, h32);
        Column(dst + 3 * xiStride, xiStride, h03, h13, h23, h33);
    }

    /// <summary>
    /// <see cref="Output"/> on two rows of 8 tiles at once, as <see cref="InputPair"/> lays them out: the first tile
    /// row's 16 output pixels go to output rows 0 and 1, the second's to rows 2 and 3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void OutputPair(float* m, nint xiStride, float bias, bool relu, float* output, nint outStride)
    {
        var low = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
        var high = low + Vector512.Create(8);
        var b = Vector512.Create(bias);
        Fold(m, xiStride, out var t00, out var t10);
        Fold(m + xiStride, xiStride, out var t01, out var t11);
        Fold(m + 2 * xiStride, xiStride, out var t02, out var t12);
        Fold(m + 3 * xiStride, xiStride, out var t03, out var t13);
        StorePair(output, output + 2 * outStride, t00 + t01 + t02 + b, t01 - t02 - t03 + b, relu, low, high);
        StorePair(output + outStride, output + 3 * outStride, t10 + t11 + t12 + b, t11 - t12 - t13 + b, relu, low,
            high);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RowPair(float* p, float* q, Vector512<int> even, Vector512<int> odd, out Vector512<float> h0,
        out Vector512<float> h1, out Vector512<float> h2, out Vector512<float> h3)
    {
        Window(Vector512.Create(Vector256.Load(p), Vector256.Load(q)),
            Vector512.Create(Vector256.Load(p + 8), Vector256.Load(q + 8)),
            Vector512.Create(Vector256.Load(p + 2), Vector256.Load(q + 2)),
            Vector512.Create(Vector256.Load(p + 10), Vector256.Load(q + 10)), even, odd, out h0, out h1, out h2, out h3);
    }

    /// <summary>Interleaves the left and right columns of two rows of 8 tiles into two 16-pixel output rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StorePair(float* first, float* second, Vector512<float> left, Vector512<float> right, bool relu,
        Vector512<int> low, Vector512<int> high)
    {
        var (a, b) = Interleave(left, right, relu, low, high);
        a.Store(first);
        b.Store(second);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row(float* p, Vector512<int> even, Vector512<int> odd, out Vector512<float> h0,
        out Vector512<float> h1, out Vector512<float> h2, out Vector512<float> h3)
    {
        Window(Vector512.Load(p), Vector512.Load(p + Lanes), Vector512.Load(p + 2), Vector512.Load(p + 2 + Lanes), even,
            odd, out h0, out h1, out h2, out h3);
    }

    /// <summary>
    /// The row step of the input transform from the loaded window values: the even and odd lanes of (a, b) are the
    /// windows' columns 0 and 1, those of (c, e) columns 2 and 3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Window(Vector512<float> a, Vector512<float> b, Vector512<float> c, Vector512<float> e,
        Vector512<int> even, Vector512<int> odd, out Vector512<float> h0, out Vector512<float> h1,
        out Vector512<float> h2, out Vector512<float> h3)
    {
        var d0 = Avx512F.PermuteVar16x32x2(a, even, b);
        var d1 = Avx512F.PermuteVar16x32x2(a, odd, b);
        var d2 = Avx512F.PermuteVar16x32x2(c, even, e);
        var d3 = Avx512F.PermuteVar16x32x2(c, odd, e);
        h0 = d0 - d2;
        h1 = d1 + d2;
        h2 = d2 - d1;
        h3 = d1 - d3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Column(float* d, nint xiStride, Vector512<float> h0, Vector512<float> h1,
        Vector512<float> h2, Vector512<float> h3)
    {
        (h0 - h2).Store(d);
        (h1 + h2).Store(d + 4 * xiStride);
        (h2 - h1).Store(d + 8 * xiStride);
        (h1 - h3).Store(d + 12 * xiStride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold(float* p, nint xiStride, out Vector512<float> top, out Vector512<float> bottom)
    {
        var m0 = Vector512.Load(p);
        var m1 = Vector512.Load(p + 4 * xiStride);
        var m2 = Vector512.Load(p + 8 * xiStride);
        var m3 = Vector512.Load(p + 12 * xiStride);
        top = m0 + m1 + m2;
        bottom = m1 - m2 - m3;
    }

    /// <summary>Interleaves the left and right columns of 16 tiles into 32 output pixels and stores the valid ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* at, Vector512<float> left, Vector512<float> right, bool relu,
        Vector512<int> low, Vector512<int> high, int valid)
    {
        var (first, second) = Interleave(left, right, relu, low, high);
        if (valid >= 2 * Lanes)
        {
            first.Store(at);
            second.Store(at + Lanes);
            return;
        }
        if (valid >= Lanes) first.Store(at);
        else Avx512F.MaskStore(at, DirectConvForwardAvx512.Mask(valid), first);
        if (valid > Lanes) Avx512F.MaskStore(at + Lanes, DirectConvForwardAvx512.Mask(valid - Lanes), second);
    }

    /// <summary>ReLU if asked, then the left and right columns of 16 tiles interleaved into 32 output pixels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<float> First, Vector512<float> Second) Interleave(Vector512<float> left,
        Vector512<float> right, bool relu, Vector512<int> low, Vector512<int> high)
    {
        if (relu)
        {
            left = Avx512F.Max(left, Vector512<float>.Zero);
            right = Avx512F.Max(right, Vector512<float>.Zero);
        }
        return (Avx512F.PermuteVar16x32x2(left, low, right), Avx512F.PermuteVar16x32x2(left, high, right));
    }
}
