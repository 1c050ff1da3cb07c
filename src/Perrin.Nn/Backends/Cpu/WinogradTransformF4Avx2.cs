using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// AVX2 Winograd F(4×4, 3×3) tile transforms on 8 tiles at once, with the bits of
/// <see cref="WinogradTransformF4Scalar"/>. Vectors hold tiles 0–3 in their low lane and 4–7 in their high lane,
/// so the window columns come out of in-lane 4×4 transposes alone and the tiles stay in order without cross-lane
/// permutes. The pass over the first axis goes through a stack buffer of 36 (or 24) vectors, more than the 16
/// registers hold.
/// </summary>
[SkipLocalsInit]
internal static unsafe class WinogradTransformF4Avx2
{
    private const int Lanes = 8;

    /// <summary>As <see cref="WinogradTransformF4Scalar.Input"/>, writing whole vectors: up to 7 values past
    /// <paramref name="count"/> in each row of dst are overwritten, and the source is read up to 35 columns past
    /// the window of the vector's first tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void Input(float* source, nint stride, int count, float* dst, nint xiStride)
    {
        var h = stackalloc Vector256<float>[36];
        for (var k = 0; k < count; k += Lanes)
        {
            var p = source + 4 * k;
            for (var i = 0; i < 6; i++)
            {
                Columns(p + i * stride, out var c0, out var c1, out var c2, out var c3, out var c4, out var c5);
                var o = h + 6 * i;
                WinogradF4.In(c0, c1, c2, c3, c4, c5, out o[0], out o[1], out o[2], out o[3], out o[4], out o[5]);
            }
            var d = dst + k;
            for (var j = 0; j < 6; j++)
            {
                WinogradF4.In(h[j], h[6 + j], h[12 + j], h[18 + j], h[24 + j], h[30 + j], out var v0, out var v1,
                    out var v2, out var v3, out var v4, out var v5);
                var at = d + j * xiStride;
                v0.Store(at);
                v1.Store(at + 6 * xiStride);
                v2.Store(at + 12 * xiStride);
                v3.Store(at + 18 * xiStride);
                v4.Store(at + 24 * xiStride);
                v5.Store(at + 30 * xiStride);
            }
        }
    }

    /// <summary>As <see cref="WinogradTransformF4Scalar.Output"/>; reads up to 7 values past <paramref name="count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void Output(float* m, nint xiStride, int count, float bias, bool relu, float* output,
        nint outStride, int validColumns, int validRows)
    {
        var s = stackalloc Vector256<float>[24];
        var b = Vector256.Create(bias);
        for (var k = 0; k < count; k += Lanes)
        {
            var p = m + k;
            for (var j = 0; j < 6; j++)
            {
                var c = p + j * xiStride;
                WinogradF4.Out(Vector256.Load(c), Vector256.Load(c + 6 * xiStride), Vector256.Load(c + 12 * xiStride),
                    Vector256.Load(c + 18 * xiStride), Vector256.Load(c + 24 * xiStride),
                    Vector256.Load(c + 30 * xiStride), out s[j], out s[6 + j], out s[12 + j], out s[18 + j]);
            }
            var x = 4 * k;
            for (var r = 0; r < validRows; r++)
            {
                var t = s + 6 * r;
                WinogradF4.Out(t[0], t[1], t[2], t[3], t[4], t[5], out var y0, out var y1, out var y2, out var y3);
                Store(output + r * outStride + x, y0 + b, y1 + b, y2 + b, y3 + b, relu, validColumns - x);
            }
        }
    }

    /// <summary>
    /// Columns 0–5 of the 6-wide windows of 8 tiles 4 columns apart in one source row: each vector is built from
    /// the windows of tiles t and t + 4, and an in-lane 4×4 transpose of four of them gives four columns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Columns(float* q, out Vector256<float> c0, out Vector256<float> c1, out Vector256<float> c2,
        out Vector256<float> c3, out Vector256<float> c4, out Vector256<float> c5)
    {
        var a0 = Vector256.Create(Vector128.Load(q), Vector128.Load(q + 16));
        var a1 = Vector256.Create(Vector128.Load(q + 4), Vector128.Load(q + 20));
        var a2 = Vector256.Create(Vector128.Load(q + 8), Vector128.Load(q + 24));
        var a3 = Vector256.Create(Vector128.Load(q + 12), Vector128.Load(q + 28));
        var a4 = Vector256.Create(Vector128.Load(q + 16), Vector128.Load(q + 32));
        Transpose(a0, a1, a2, a3, out c0, out c1, out c2, out c3);
        // Columns 4 and 5 are columns 0 and 1 of the next tiles.
        var u0 = Avx.UnpackLow(a1, a2);
        var u1 = Avx.UnpackLow(a3, a4);
        c4 = Avx.Shuffle(u0, u1, 0x44);
        c5 = Avx.Shuffle(u0, u1, 0xEE);
    }

    /// <summary>The 4×4 transposes of the four vectors' low lanes and of their high lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3,
        out Vector256<float> x0, out Vector256<float> x1, out Vector256<float> x2, out Vector256<float> x3)
    {
        var t0 = Avx.UnpackLow(a0, a1);
        var t1 = Avx.UnpackHigh(a0, a1);
        var t2 = Avx.UnpackLow(a2, a3);
        var t3 = Avx.UnpackHigh(a2, a3);
        x0 = Avx.Shuffle(t0, t2, 0x44);
        x1 = Avx.Shuffle(t0, t2, 0xEE);
        x2 = Avx.Shuffle(t1, t3, 0x44);
        x3 = Avx.Shuffle(t1, t3, 0xEE);
    }

    /// <summary>Interleaves the four columns of 8 tiles into 32 output pixels of one row and stores the valid ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* at, Vector256<float> y0, Vector256<float> y1, Vector256<float> y2,
        Vector256<float> y3, bool relu, int valid)
    {
        if (relu)
        {
            y0 = Avx.Max(y0, Vector256<float>.Zero);
            y1 = Avx.Max(y1, Vector256<float>.Zero);
            y2 = Avx.Max(y2, Vector256<float>.Zero);
            y3 = Avx.Max(y3, Vector256<float>.Zero);
        }
        Transpose(y0, y1, y2, y3, out var x0, out var x1, out var x2, out var x3);
        var o0 = Avx.Permute2x128(x0, x1, 0x20);
        var o1 = Avx.Permute2x128(x2, x3, 0x20);
        var o2 = Avx.Permute2x128(x0, x1, 0x31);
        var o3 = Avx.Permute2x128(x2, x3, 0x31);
        if (valid >= 4 * Lanes)
        {
            o0.Store(at);
            o1.Store(at + Lanes);
            o2.Store(at + 2 * Lanes);
            o3.Store(at + 3 * Lanes);
            return;
        }
        StorePart(at, o0, o1, o2, o3, valid);
    }

    private static void StorePart(float* at, Vector256<float> o0, Vector256<float> o1, Vector256<float> o2,
        Vector256<float> o3, int valid)
    {
        var pixels = stackalloc float[4 * Lanes];
        o0.Store(pixels);
        o1.Store(pixels + Lanes);
        o2.Store(pixels + 2 * Lanes);
        o3.Store(pixels + 3 * Lanes);
        new ReadOnlySpan<float>(pixels, valid).CopyTo(new Span<float>(at, valid));
    }
}
