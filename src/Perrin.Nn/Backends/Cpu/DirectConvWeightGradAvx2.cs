using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// AVX2+FMA weight-gradient micro-kernel of the direct convolution: 4 output × 2 input channels of lane-wise partial
/// sums in ymm registers.
/// </summary>
[SkipLocalsInit]
internal static unsafe class DirectConvWeightGradAvx2
{
    public const int OutChannels = 4;
    public const int InChannels = 2;
    public const int Lanes = 8;

    /// <summary>
    /// For one kernel tap, adds Σ over a band of <paramref name="rows"/> rows and <paramref name="width"/> pixels of
    /// g[r]·x[c] to the 4×2 lane-wise partial sums at <paramref name="acc"/> (vector r·2 + c). g[r] point at the
    /// output-gradient rows, x[c] at the padded input rows shifted by the tap; pixels past the width are masked off.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* g0, float* g1, float* g2, float* g3, nint gRow,
        float* x0, float* x1, nint xRow, int rows, int width, float* acc)
    {
        var a00 = Vector256.Load(acc + 0); var a01 = Vector256.Load(acc + 8);
        var a10 = Vector256.Load(acc + 16); var a11 = Vector256.Load(acc + 24);
        var a20 = Vector256.Load(acc + 32); var a21 = Vector256.Load(acc + 40);
        var a30 = Vector256.Load(acc + 48); var a31 = Vector256.Load(acc + 56);
        var full = width / Lanes * Lanes;
        var tail = DirectConvForwardAvx2.Mask(width - full);
        for (var y = 0; y < rows; y++)
        {
            for (var i = 0; i < full; i += Lanes)
            {
                var q0 = Vector256.Load(g0 + i);
                var q1 = Vector256.Load(g1 + i);
                var q2 = Vector256.Load(g2 + i);
                var q3 = Vector256.Load(g3 + i);
                var v0 = Vector256.Load(x0 + i);
                var v1 = Vector256.Load(x1 + i);
                a00 = Fma.MultiplyAdd(q0, v0, a00);
                a01 = Fma.MultiplyAdd(q0, v1, a01);
                a10 = Fma.MultiplyAdd(q1, v0, a10);
                a11 = Fma.MultiplyAdd(q1, v1, a11);
                a20 = Fma.MultiplyAdd(q2, v0, a20);
                a21 = Fma.MultiplyAdd(q2, v1, a21);
                a30 = Fma.MultiplyAdd(q3, v0, a30);
                a31 = Fma.MultiplyAdd(q3, v1, a31);
            }
            if (full < width)
            {
                var q0 = Avx.MaskLoad(g0 + full, tail);
                var q1 = Avx.MaskLoad(g1 + full, tail);
                var q2 = Avx.MaskLoad(g2 + full, tail);
                var q3 = Avx.MaskLoad(g3 + full, tail);
                var v0 = Avx.MaskLoad(x0 + full, tail);
                var v1 = Avx.MaskLoad(x1 + full, tail);
                a00 = Fma.MultiplyAdd(q0, v0, a00);
                a01 = Fma.MultiplyAdd(q0, v1, a01);
                a10 = Fma.MultiplyAdd(q1, v0, a10);
                a11 = Fma.MultiplyAdd(q1, v1, a11);
                a20 = Fma.MultiplyAdd(q2, v0, a20);
                a21 = Fma.MultiplyAdd(q2, v1, a21);
                a30 = Fma.MultiplyAdd(q3, v0, a30);
                a31 = Fma.MultiplyAdd(q3, v1, a31);
            }
            g0 += gRow; g1 += gRow; g2 += gRow; g3 += gRow;
            x0 += xRow; x1 += xRow;
        }
        a00.Store(acc + 0); a01.Store(acc + 8);
        a10.Store(acc + 16); a11.Store(acc + 24);
        a20.Store(acc + 32); a21.Store(acc + 40);
        a30.Store(acc + 48); a31.Store(acc + 56);
    }
}
