using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// AVX-512 direct-convolution micro-kernel: 8 output channels × TV vectors of 16 pixels of one output row in zmm
/// accumulators. Per (input channel, tap) it loads TV input vectors from the padded row at the tap's offset and
/// broadcasts 8 packed weights, so every loaded pixel feeds 8 FMAs and nothing is unfolded into a column matrix.
/// </summary>
[SkipLocalsInit]
internal static unsafe class DirectConvForwardAvx512
{
    public const int Channels = 8;
    public const int Lanes = 16;

    /// <summary>
    /// Computes rows × valid outputs (rows ≤ 8 channels, valid ≤ 16·TV pixels) from <paramref name="input"/>, the padded
    /// row of input channel 0 at the segment's first pixel, and <paramref name="weight"/>, packed [channel][ky][kx][8].
    /// The store adds <paramref name="bias"/> (8 values, or null) and applies ReLU.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TV>(float* input, nint planeStride, nint rowStride, int channels, int kh, int kw,
        float* weight, float* output, nint outPlane, int rows, int valid, float* bias, bool relu)
        where TV : struct, IDirectConvWidth
    {
        var a00 = Vector512<float>.Zero; var a01 = Vector512<float>.Zero; var a02 = Vector512<float>.Zero;
        var a10 = Vector512<float>.Zero; var a11 = Vector512<float>.Zero; var a12 = Vector512<float>.Zero;
        var a20 = Vector512<float>.Zero; var a21 = Vector512<float>.Zero; var a22 = Vector512<float>.Zero;
        var a30 = Vector512<float>.Zero; var a31 = Vector512<float>.Zero; var a32 = Vector512<float>.Zero;
        var a40 = Vector512<float>.Zero; var a41 = Vector512<float>.Zero; var a42 = Vector512<float>.Zero;
        var a50 = Vector512<float>.Zero; var a51 = Vector512<float>.Zero; var a52 = Vector512<float>.Zero;
        var a60 = Vector512<float>.Zero; var a61 = Vector512<float>.Zero; var a62 = Vector512<float>.Zero;
        var a70 = Vector512<float>.Zero; var a71 = Vector512<float>.Zero; var a72 = Vector512<float>.Zero;
        for (var c = 0; c < channels; c++)
        {
            var plane = input + c * planeStride;
            for (var ky = 0; ky < kh; ky++)
            {
                var p = plane + ky * rowStride;
                if (kw == 3)
                {
                    // The three taps written out: the tap loop's branch per 24 FMAs cost 7–10% of the kernel on data
                    // in the L1 cache.
                    Vector512<float> x0, x1, x2, w;
                    x0 = Vector512.Load(p);
                    x1 = TV.Vectors > 1 ? Vector512.Load(p + 16) : default;
                    x2 = TV.Vectors > 2 ? Vector512.Load(p + 32) : default;
                    w = Vector512.Create(weight[0]);
                    a00 = Avx512F.FusedMultiplyAdd(x0, w, a00);
                    if (TV.Vectors > 1) a01 = Avx512F.FusedMultiplyAdd(x1, w, a01);
                    if (TV.Vectors > 2) a02 = Avx512F.FusedMultiplyAdd(x2, w, a02);
                    w = Vector512.Create(weight[1]);
                    a10 = Avx512F.FusedMultiplyAdd(x0, w, a10);
                    if (TV.Vectors > 1) a11 = Avx512F.FusedMultiplyAdd(x1, w, a11);
                    if (TV.Vectors > 2) a12 = Avx512F.FusedMultiplyAdd(x2, w, a12);
                    w = Vector512.Create(weight[2]);
                    a20 = Avx512F.FusedMultiplyAdd(x0, w, a20);
                    if (TV.Vectors > 1) a21 = Avx512F.FusedMultiplyAdd(x1, w, a21);
                    if (TV.Vectors > 2) a22 = Avx512F.FusedMultiplyAdd(x2, w, a22);
                    w = Vector512.Create(weight[3]);
                    a30 = Avx512F.FusedMultiplyAdd(x0, w, a30);
                    if (TV.Vectors > 1) a31 = Avx512F.FusedMultiplyAdd(x1, w, a31);
                    if (TV.Vectors > 2) a32 = Avx512F.FusedMultiplyAdd(x2, w, a32);
                    w = Vector512.Create(weight[4]);
                    a40 = Avx512F.FusedMultiplyAdd(x0, w, a40);
                    if (TV.Vectors > 1) a41 = Avx512F.FusedMultiplyAdd(x1, w, a41);
                    if (TV.Vectors > 2) a42 = Avx512F.FusedMultiplyAdd(x2, w, a42);
                    w = Vector512.Create(weight[5]);
                    a50 = Avx512F.FusedMultiplyAdd(x0, w, a50);
                    if (TV.Vectors > 1) a51 = Avx512F.FusedMultiplyAdd(x1, w, a51);
                    if (TV.Vectors > 2) a52 = Avx512F.FusedMultiplyAdd(x2, w, a52);
                    w = Vector512.Create(weight[6]);
                    a60 = Avx512F.FusedMultiplyAdd(x0, w, a60);
                    if (TV.Vectors > 1) a61 = Avx512F.FusedMultiplyAdd(x1, w, a61);
                    if (TV.Vectors > 2) a62 = Avx512F.FusedMultiplyAdd(x2, w, a62);
                    w = Vector512.Create(weight[7]);
                    a70 = Avx512F.FusedMultiplyAdd(x0, w, a70);
                    if (TV.Vectors > 1) a71 = Avx512F.FusedMultiplyAdd(x1, w, a71);
                    if (TV.Vectors > 2) a72 = Avx512F.FusedMultiplyAdd(x2, w, a72);
                    x0 = Vector512.Load(p + 1);
                    x1 = TV.Vectors > 1 ? Vector512.Load(p + 1 + 16) : default;
                    x2 = TV.Vectors > 2 ? Vector512.Load(p + 1 + 32) : default;
                    w = Vector512.Create(weight[8]);
                    a00 = Avx512F.FusedMultiplyAdd(x0, w, a00);
                    if (TV.Vectors > 1) a01 = Avx512F.FusedMultiplyAdd(x1, w, a01);
                    if (TV.Vectors > 2) a02 = Avx512F.FusedMultiplyAdd(x2, w, a02);
                    w = Vector512.Create(weight[9]);
                    a10 = Avx512F.FusedMultiplyAdd(x0, w, a10);
                    if (TV.Vectors > 1) a11 = Avx512F.FusedMultiplyAdd(x1, w, a11);
                    if (TV.Vectors > 2) a12 = Avx512F.FusedMultiplyAdd(x2, w, a12);
                    w = Vector512.Create(weight[10]);
                    a20 = Avx512F.FusedMultiplyAdd(x0, w, a20);
                    if (TV.Vectors > 1) a21 = Avx512F.FusedMultiplyAdd(x1, w, a21);
                    if (TV.Vectors > 2) a22 = Avx512F.FusedMultiplyAdd(x2, w, a22);
                    w = Vector512.Create(weight[11]);
                    a30 = Avx512F.FusedMultiplyAdd(x0, w, a30);
                    if (TV.Vectors > 1) a31 = Avx512F.FusedMultiplyAdd(x1, w, a31);
                    if (TV.Vectors > 2) a32 = Avx512F.FusedMultiplyAdd(x2, w, a32);
                    w = Vector512.Create(weight[12]);
                    a40 = Avx512F.FusedMultiplyAdd(x0, w, a40);
                    if (TV.Vectors > 1) a41 = Avx512F.FusedMultiplyAdd(x1, w, a41);
                    if (TV.Vectors > 2) a42 = Avx512F.FusedMultiplyAdd(x2, w, a42);
                    w = Vector512.Create(weight[13]);
                    a50 = Avx512F.FusedMultiplyAdd(x0, w, a50);
                    if (TV.Vectors > 1) a51 = Avx512F.FusedMultiplyAdd(x1, w, a51);
                    if (TV.Vectors > 2) a52 = Avx512F.FusedMultiplyAdd(x2, w, a52);
                    w = Vector512.Create(weight[14]);
                    a60 = Avx512F.FusedMultiplyAdd(x0, w, a60);
                    if (TV.Vectors > 1) a61 = Avx512F.FusedMultiplyAdd(x1, w, a61);
                    if (TV.Vectors > 2) a62 = Avx512F.FusedMultiplyAdd(x2, w, a62);
                    w = Vector512.Create(weight[15]);
                    a70 = Avx512F.FusedMultiplyAdd(x0, w, a70);
                    if (TV.Vectors > 1) a71 = Avx512F.FusedMultiplyAdd(x1, w, a71);
                    if (TV.Vectors > 2) a72 = Avx512F.FusedMultiplyAdd(x2, w, a72);
                    x0 = Vector512.Load(p + 2);
                    x1 = TV.Vectors > 1 ? Vector512.Load(p + 2 + 16) : default;
                    x2 = TV.Vectors > 2 ? Vector512.Load(p + 2 + 32) : default;
                    w = Vector512.Create(weight[16]);
                    a00 = Avx512F.FusedMultiplyAdd(x0, w, a00);
                    if (TV.Vectors > 1) a01 = Avx512F.FusedMultiplyAdd(x1, w, a01);
                    if (TV.Vectors > 2) a02 = Avx512F.FusedMultiplyAdd(x2, w, a02);
                    w = Vector512.Create(weight[17]);
                    a10 = Avx512F.FusedMultiplyAdd(x0, w, a10);
                    if (TV.Vectors > 1) a11 = Avx512F.FusedMultiplyAdd(x1, w, a11);
                    if (TV.Vectors > 2) a12 = Avx512F.FusedMultiplyAdd(x2, w, a12);
                    w = Vector512.Create(weight[18]);
                    a20 = Avx512F.FusedMultiplyAdd(x0, w, a20);
                    if (TV.Vectors > 1) a21 = Avx512F.FusedMultiplyAdd(x1, w, a21);
                    if (TV.Vectors > 2) a22 = Avx512F.FusedMultiplyAdd(x2, w, a22);
                    w = Vector512.Create(weight[19]);
                    a30 = Avx512F.FusedMultiplyAdd(x0, w, a30);
                    if (TV.Vectors > 1) a31 = Avx512F.FusedMultiplyAdd(x1, w, a31);
                    if (TV.Vectors > 2) a32 = Avx512F.FusedMultiplyAdd(x2, w, a32);
                    w = Vector512.Create(weight[20]);
                    a40 = Avx512F.FusedMultiplyAdd(x0, w, a40);
                    if (TV.Vectors > 1) a41 = Avx512F.FusedMultiplyAdd(x1, w, a41);
                    if (TV.Vectors > 2) a42 = Avx512F.FusedMultiplyAdd(x2, w, a42);
                    w = Vector512.Create(weight[21]);
                    a50 = Avx512F.FusedMultiplyAdd(x0, w, a50);
                    if (TV.Vectors > 1) a51 = Avx512F.FusedMultiplyAdd(x1, w, a51);
                    if (TV.Vectors > 2) a52 = Avx512F.FusedMultiplyAdd(x2, w, a52);
                    w = Vector512.Create(weight[22]);
                    a60 = Avx512F.FusedMultiplyAdd(x0, w, a60);
                    if (TV.Vectors > 1) a61 = Avx512F.FusedMultiplyAdd(x1, w, a61);
                    if (TV.Vectors > 2) a62 = Avx512F.FusedMultiplyAdd(x2, w, a62);
                    w = Vector512.Create(weight[23]);
                    a70 = Avx512F.FusedMultiplyAdd(x0, w, a70);
                    if (TV.Vectors > 1) a71 = Avx512F.FusedMultiplyAdd(x1, w, a71);
                    if (TV.Vectors > 2) a72 = Avx512F.FusedMultiplyAdd(x2, w, a72);
                    weight += 3 * Channels;
                    continue;
                }
                for (var kx = 0; kx < kw; kx++)
                {
                    var x0 = Vector512.Load(p + kx);
                    var x1 = TV.Vectors > 1 ? Vector512.Load(p + kx + 16) : default;
                    var x2 = TV.Vectors > 2 ? Vector512.Load(p + kx + 32) : default;
                    var w0 = Vector512.Create(weight[0]);
                    a00 = Avx512F.FusedMultiplyAdd(x0, w0, a00);
                    if (TV.Vectors > 1) a01 = Avx512F.FusedMultiplyAdd(x1, w0, a01);
                    if (TV.Vectors > 2) a02 = Avx512F.FusedMultiplyAdd(x2, w0, a02);
                    var w1 = Vector512.Create(weight[1]);
                    a10 = Avx512F.FusedMultiplyAdd(x0, w1, a10);
                    if (TV.Vectors > 1) a11 = Avx512F.FusedMultiplyAdd(x1, w1, a11);
                    if (TV.Vectors > 2) a12 = Avx512F.FusedMultiplyAdd(x2, w1, a12);
                    var w2 = Vector512.Create(weight[2]);
                    a20 = Avx512F.FusedMultiplyAdd(x0, w2, a20);
                    if (TV.Vectors > 1) a21 = Avx512F.FusedMultiplyAdd(x1, w2, a21);
                    if (TV.Vectors > 2) a22 = Avx512F.FusedMultiplyAdd(x2, w2, a22);
                    var w3 = Vector512.Create(weight[3]);
                    a30 = Avx512F.FusedMultiplyAdd(x0, w3, a30);
                    if (TV.Vectors > 1) a31 = Avx512F.FusedMultiplyAdd(x1, w3, a31);
                    if (TV.Vectors > 2) a32 = Avx512F.FusedMultiplyAdd(x2, w3, a32);
                    var w4 = Vector512.Create(weight[4]);
                    a40 = Avx512F.FusedMultiplyAdd(x0, w4, a40);
                    if (TV.Vectors > 1) a41 = Avx512F.FusedMultiplyAdd(x1, w4, a41);
                    if (TV.Vectors > 2) a42 = Avx512F.FusedMultiplyAdd(x2, w4, a42);
                    var w5 = Vector512.Create(weight[5]);
                    a50 = Avx512F.FusedMultiplyAdd(x0, w5, a50);
                    if (TV.Vectors > 1) a51 = Avx512F.FusedMultiplyAdd(x1, w5, a51);
                    if (TV.Vectors > 2) a52 = Avx512F.FusedMultiplyAdd(x2, w5, a52);
                    var w6 = Vector512.Create(weight[6]);
                    a60 = Avx512F.FusedMultiplyAdd(x0, w6, a60);
                    if (TV.Vectors > 1) a61 = Avx512F.FusedMultiplyAdd(x1, w6, a61);
                    if (TV.Vectors > 2) a62 = Avx512F.FusedMultiplyAdd(x2, w6, a62);
                    var w7 = Vector512.Create(weight[7]);
                    a70 = Avx512F.FusedMultiplyAdd(x0, w7, a70);
                    if (TV.Vectors > 1) a71 = Avx512F.FusedMultiplyAdd(x1, w7, a71);
                    if (TV.Vectors > 2) a72 = Avx512F.FusedMultiplyAdd(x2, w7, a72);
                    weight += Channels;
                }
            }
        }

        Store<TV>(output + 0 * outPlane, a00, a01, a02, valid, bias == null ? 0f : bias[0], relu);
        if (rows == 1) return;
        Store<TV>(output + 1 * outPlane, a10, a11, a12, valid, bias == null ? 0f : bias[1], relu);
        if (rows == 2) return;
        Store<TV>(output + 2 * outPlane, a20, a21, a22, valid, bias == null ? 0f : bias[2], relu);
        if (rows == 3) return;
        Store<TV>(output + 3 * outPlane, a30, a31, a32, valid, bias == null ? 0f : bias[3], relu);
        if (rows == 4) return;
        Store<TV>(output + 4 * outPlane, a40, a41, a42, valid, bias == null ? 0f : bias[4], relu);
        if (rows == 5) return;
        Store<TV>(output + 5 * outPlane, a50, a51, a52, valid, bias == null ? 0f : bias[5], relu);
        if (rows == 6) return;
        Store<TV>(output + 6 * outPlane, a60, a61, a62, valid, bias == null ? 0f : bias[6], relu);
        if (rows == 7) return;
        Store<TV>(output + 7 * outPlane, a70, a71, a72, valid, bias == null ? 0f : bias[7], relu);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TV>(float* dst, Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, int valid,
        float bias, bool relu)
        where TV : struct, IDirectConvWidth
    {
        Put(dst, v0, valid, bias, relu);
        if (TV.Vectors > 1) Put(dst + Lanes, v1, valid - Lanes, bias, relu);
        if (TV.Vectors > 2) Put(dst + 2 * Lanes, v2, valid - 2 * Lanes, bias, relu);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(float* dst, Vector512<float> acc, int valid, float bias, bool relu)
    {
        if (valid <= 0) return;
        acc += Vector512.Create(bias);
        if (relu) acc = Avx512F.Max(acc, Vector512<float>.Zero);
        if (valid >= Lanes) acc.Store(dst);
        else Avx512F.MaskStore(dst, Mask(valid), acc);
    }

    /// <summary>All bits set in the first <paramref name="count"/> lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Mask(int count) =>
        Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count)).AsSingle();
}
