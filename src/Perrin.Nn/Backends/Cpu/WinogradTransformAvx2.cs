using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// AVX2 Winograd F(2×2, 3×3) tile transforms on 8 tiles at once (the same arithmetic as
/// <see cref="WinogradTransformScalar"/>); window columns are the even and odd halves of two loaded vectors.
/// The entry points are never inlined: the tier-1 block transform that took one in ran out of inlining budget and
/// called its row and column helpers instead, passing every vector through memory (a third of the transform's time on
/// Zen 3).
/// </summary>
[SkipLocalsInit]
internal static unsafe class WinogradTransformAvx2
{
    private const int Lanes = 8;

    /// <summary>As <see cref="WinogradTransformScalar.Input"/>, writing whole vectors: up to 7 values past
    /// <paramref name="count"/> in each row of dst are overwritten, and the source is read that far too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void Input(float* source, nint stride, int count, float* dst, nint xiStride)
    {
        for (var k = 0; k < count; k += Lanes)
        {
            var p = source + 2 * k;
            Row(p, out var h00, out var h01, out var h02, out var h03);
            Row(p + stride, out var h10, out var h11, out var h12, out var h13);
            Row(p + 2 * stride, out var h20, out var h21, out var h22, out var h23);
            Row(p + 3 * stride, out var h30, out var h31, out var h32, out var h33);
            var d = dst + k;
            Column(d, xiStride, h00, h10, h20, h30);
            Column(d + xiStride, xiStride, h01, h11, h21, h31);
            Column(d + 2 * xiStride, xiStride, h02, h12, h22, h32);
            Column(d + 3 * xiStride, xiStride, h03, h13, h23, h33);
        }
    }

    /// <summary>As <see cref="WinogradTransformScalar.Output"/>; reads up to 7 values past <paramref name="count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void Output(float* m, nint xiStride, int count, float bias, bool relu, float* output,
        nint outStride, int validColumns, bool secondRow)
    {
        var b = Vector256.Create(bias);
        for (var k = 0; k < count; k += Lanes)
        {
            var p = m + k;
            Fold(p, xiStride, out var t00, out var t10);
            Fold(p + xiStride, xiStride, out var t01, out var t11);
            Fold(p + 2 * xiStride, xiStride, out var t02, out var t12);
            Fold(p + 3 * xiStride, xiStride, out var t03, out var t13);
            var x = 2 * k;
            var valid = validColumns - x;
            Store(output + x, t00 + t01 + t02 + b, t01 - t02 - t03 + b, relu, valid);
            if (secondRow) Store(output + outStride + x, t10 + t11 + t12 + b, t11 - t12 - t13 + b, relu, valid);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row(float* p, out Vector256<float> h0, out Vector256<float> h1, out Vector256<float> h2,
        out Vector256<float> h3)
    {
        Split(Vector256.Load(p), Vector256.Load(p + Lanes), out var d0, out var d1);
        Split(Vector256.Load(p + 2), Vector256.Load(p + 2 + Lanes), out var d2, out var d3);
        h0 = d0 - d2;
        h1 = d1 + d2;
        h2 = d2 - d1;
        h3 = d1 - d3;
    }

    /// <summary>Even and odd elements of the 16 values a‖b, each in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Split(Vector256<float> a, Vector256<float> b, out Vector256<float> even, out Vector256<float> odd)
    {
        even = Avx2.Permute4x64(Avx.Shuffle(a, b, 0x88).AsDouble(), 0xD8).AsSingle();
        odd = Avx2.Permute4x64(Avx.Shuffle(a, b, 0xDD).AsDouble(), 0xD8).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Column(float* d, nint xiStride, Vector256<float> h0, Vector256<float> h1,
        Vector256<float> h2, Vector256<float> h3)
    {
        (h0 - h2).Store(d);
        (h1 + h2).Store(d + 4 * xiStride);
        (h2 - h1).Store(d + 8 * xiStride);
        (h1 - h3).Store(d + 12 * xiStride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold(float* p, nint xiStride, out Vector256<float> top, out Vector256<float> bottom)
    {
        var m0 = Vector256.Load(p);
        var m1 = Vector256.Load(p + 4 * xiStride);
        var m2 = Vector256.Load(p + 8 * xiStride);
        var m3 = Vector256.Load(p + 12 * xiStride);
        top = m0 + m1 + m2;
        bottom = m1 - m2 - m3;
    }

    /// <summary>Interleaves the left and right columns of 8 tiles into 16 output pixels and stores the valid ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* at, Vector256<float> left, Vector256<float> right, bool relu, int valid)
    {
        if (relu)
        {
            left = Avx.Max(left, Vector256<float>.Zero);
            right = Avx.Max(right, Vector256<float>.Zero);
        }
        var lo = Avx.UnpackLow(left, right);
        var hi = Avx.UnpackHigh(left, right);
        var first = Avx.Permute2x128(lo, hi, 0x20);
        var second = Avx.Permute2x128(lo, hi, 0x31);
        if (valid >= 2 * Lanes)
        {
            first.Store(at);
            second.Store(at + Lanes);
            return;
        }
        StorePart(at, first, second, valid);
    }

    private static void StorePart(float* at, Vector256<float> first, Vector256<float> second, int valid)
    {
        var pixels = stackalloc float[2 * Lanes];
        first.Store(pixels);
        second.Store(pixels + Lanes);
        new ReadOnlySpan<float>(pixels, valid).CopyTo(new Span<float>(at, valid));
    }
}
