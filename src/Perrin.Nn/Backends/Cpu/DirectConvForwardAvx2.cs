using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// AVX2+FMA direct-convolution micro-kernel: 4 output channels × TV vectors of 8 pixels of one output row in ymm
/// accumulators (the 16 ymm registers hold 12 accumulators, the input vectors and one broadcast weight).
/// </summary>
[SkipLocalsInit]
internal static unsafe class DirectConvForwardAvx2
{
    public const int Channels = 4;
    public const int Lanes = 8;

    /// <summary>As <see cref="DirectConvForwardAvx512.Run{TV}"/> with 4 channels and 8-pixel vectors; weights packed [channel][ky][kx][4].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TV>(float* input, nint planeStride, nint rowStride, int channels, int kh, int kw,
        float* weight, float* output, nint outPlane, int rows, int valid, float* bias, bool relu)
        where TV : struct, IDirectConvWidth
    {
        var a00 = Vector256<float>.Zero; var a01 = Vector256<float>.Zero; var a02 = Vector256<float>.Zero;
        var a10 = Vector256<float>.Zero; var a11 = Vector256<float>.Zero; var a12 = Vector256<float>.Zero;
        var a20 = Vector256<float>.Zero; var a21 = Vector256<float>.Zero; var a22 = Vector256<float>.Zero;
        var a30 = Vector256<float>.Zero; var a31 = Vector256<float>.Zero; var a32 = Vector256<float>.Zero;
        for (var c = 0; c < channels; c++)
        {
            var plane = input + c * planeStride;
            for (var ky = 0; ky < kh; ky++)
            {
                var p = plane + ky * rowStride;
                for (var kx = 0; kx < kw; kx++)
                {
                    var x0 = Vector256.Load(p + kx);
                    var x1 = TV.Vectors > 1 ? Vector256.Load(p + kx + 8) : default;
                    var x2 = TV.Vectors > 2 ? Vector256.Load(p + kx + 16) : default;
                    var w0 = Vector256.Create(weight[0]);
                    a00 = Fma.MultiplyAdd(x0, w0, a00);
                    if (TV.Vectors > 1) a01 = Fma.MultiplyAdd(x1, w0, a01);
                    if (TV.Vectors > 2) a02 = Fma.MultiplyAdd(x2, w0, a02);
                    var w1 = Vector256.Create(weight[1]);
                    a10 = Fma.MultiplyAdd(x0, w1, a10);
                    if (TV.Vectors > 1) a11 = Fma.MultiplyAdd(x1, w1, a11);
                    if (TV.Vectors > 2) a12 = Fma.MultiplyAdd(x2, w1, a12);
                    var w2 = Vector256.Create(weight[2]);
                    a20 = Fma.MultiplyAdd(x0, w2, a20);
                    if (TV.Vectors > 1) a21 = Fma.MultiplyAdd(x1, w2, a21);
                    if (TV.Vectors > 2) a22 = Fma.MultiplyAdd(x2, w2, a22);
                    var w3 = Vector256.Create(weight[3]);
                    a30 = Fma.MultiplyAdd(x0, w3, a30);
                    if (TV.Vectors > 1) a31 = Fma.MultiplyAdd(x1, w3, a31);
                    if (TV.Vectors > 2) a32 = Fma.MultiplyAdd(x2, w3, a32);
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
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TV>(float* dst, Vector256<float> v0, Vector256<float> v1, Vector256<float> v2, int valid,
        float bias, bool relu)
        where TV : struct, IDirectConvWidth
    {
        Put(dst, v0, valid, bias, relu);
        if (TV.Vectors > 1) Put(dst + Lanes, v1, valid - Lanes, bias, relu);
        if (TV.Vectors > 2) Put(dst + 2 * Lanes, v2, valid - 2 * Lanes, bias, relu);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(float* dst, Vector256<float> acc, int valid, float bias, bool relu)
    {
        if (valid <= 0) return;
        acc += Vector256.Create(bias);
        if (relu) acc = Avx.Max(acc, Vector256<float>.Zero);
        if (valid >= Lanes) acc.Store(dst);
        else Avx.MaskStore(dst, Mask(valid), acc);
    }

    /// <summary>Sign bit set in the first <paramref name="count"/> lanes (what AVX masked loads and stores test).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Mask(int count) =>
        Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(count)).AsSingle();
}
