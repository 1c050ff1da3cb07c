using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Row kernels of <see cref="PatchConvTranspose"/>: the KW tap rows of one input row are interleaved into one output
/// row (out[j·KW + b] = tap b[j]) and split back apart. KW = 2, the U-Net up-sampler, is a two-source permute per
/// vector; other widths take a plain strided loop.
/// </summary>
internal static unsafe class PatchInterleave
{
    /// <summary>
    /// out[j·kw + b] = f(taps[b·tapStride + j] + 0 + bias) for j &lt; width, where f is ReLU or the identity. The "+ 0"
    /// turns −0 into +0, as the generic path's add onto a cleared output does.
    /// </summary>
    public static void Interleave(float* taps, nint tapStride, int kw, int width, float bias, bool relu, float* output)
    {
        var j = 0;
        if (kw == 2)
        {
            var t0 = taps;
            var t1 = taps + tapStride;
            if (Avx512F.IsSupported)
            {
                var b = Vector512.Create(bias);
                var lowPairs = Vector512.Create(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
                var highPairs = Vector512.Create(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
                for (; j <= width - 16; j += 16)
                {
                    var v0 = Vector512.Load(t0 + j) + Vector512<float>.Zero + b;
                    var v1 = Vector512.Load(t1 + j) + Vector512<float>.Zero + b;
                    if (relu)
                    {
                        v0 = Avx512F.Max(v0, Vector512<float>.Zero);
                        v1 = Avx512F.Max(v1, Vector512<float>.Zero);
                    }
                    Avx512F.PermuteVar16x32x2(v0, lowPairs, v1).Store(output + 2 * j);
                    Avx512F.PermuteVar16x32x2(v0, highPairs, v1).Store(output + 2 * j + 16);
                }
            }
            else if (Avx.IsSupported)
            {
                var b = Vector256.Create(bias);
                for (; j <= width - 8; j += 8)
                {
                    var v0 = Vector256.Load(t0 + j) + Vector256<float>.Zero + b;
                    var v1 = Vector256.Load(t1 + j) + Vector256<float>.Zero + b;
                    if (relu)
                    {
                        v0 = Avx.Max(v0, Vector256<float>.Zero);
                        v1 = Avx.Max(v1, Vector256<float>.Zero);
                    }
                    var lo = Avx.UnpackLow(v0, v1);
                    var hi = Avx.UnpackHigh(v0, v1);
                    Avx.Permute2x128(lo, hi, 0x20).Store(output + 2 * j);
                    Avx.Permute2x128(lo, hi, 0x31).Store(output + 2 * j + 8);
                }
            }
        }
        for (; j < width; j++)
        {
            for (var b = 0; b < kw; b++)
            {
                var v = taps[b * tapStride + j] + 0f + bias;
                output[j * kw + b] = relu && !(v > 0f) ? 0f : v;
            }
        }
    }

    /// <summary>taps[b·tapStride + j] = input[j·kw + b] for j &lt; width: the inverse of <see cref="Interleave"/>.</summary>
    public static void Deinterleave(float* input, int kw, int width, float* taps, nint tapStride)
    {
        var j = 0;
        if (kw == 2)
        {
            var t0 = taps;
            var t1 = taps + tapStride;
            if (Avx512F.IsSupported)
            {
                var evens = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
                var odds = Vector512.Create(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
                for (; j <= width - 16; j += 16)
                {
                    var a = Vector512.Load(input + 2 * j);
                    var c = Vector512.Load(input + 2 * j + 16);
                    Avx512F.PermuteVar16x32x2(a, evens, c).Store(t0 + j);
                    Avx512F.PermuteVar16x32x2(a, odds, c).Store(t1 + j);
                }
            }
            else if (Avx2.IsSupported)
            {
                for (; j <= width - 8; j += 8)
                {
                    var a = Vector256.Load(input + 2 * j);
                    var c = Vector256.Load(input + 2 * j + 8);
                    var even = Avx.Shuffle(a, c, 0b10_00_10_00).AsDouble();
                    var odd = Avx.Shuffle(a, c, 0b11_01_11_01).AsDouble();
                    Avx2.Permute4x64(even, 0b11_01_10_00).AsSingle().Store(t0 + j);
                    Avx2.Permute4x64(odd, 0b11_01_10_00).AsSingle().Store(t1 + j);
                }
            }
        }
        for (; j < width; j++)
        {
            for (var b = 0; b < kw; b++) taps[b * tapStride + j] = input[j * kw + b];
        }
    }
}
