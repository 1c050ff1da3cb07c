using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// AVX-512 weight-gradient micro-kernel of the direct convolution: 4 output × 4 input channels of lane-wise partial
/// sums in zmm registers, 8 loads per 16 FMAs.
/// </summary>
[SkipLocalsInit]
internal static unsafe class DirectConvWeightGradAvx512
{
    public const int OutChannels = 4;
    public const int InChannels = 4;
    public const int Lanes = 16;

    /// <summary>
    /// For one kernel tap, adds Σ over a band of <paramref name="rows"/> rows and <paramref name="width"/> pixels of
    /// g[r]·x[c] to the 4×4 lane-wise partial sums at <paramref name="acc"/> (vector r·4 + c). g[r] point at the
    /// output-gradient rows, x[c] at the padded input rows shifted by the tap; pixels past the width are masked off.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* g0, float* g1, float* g2, float* g3, nint gRow,
        float* x0, float* x1, float* x2, float* x3, nint xRow, int rows, int width, float* acc)
    {
        var a00 = Vector512.Load(acc + 0); var a01 = Vector512.Load(acc + 16); var a02 = Vector512.Load(acc + 32); var a03 = Vector512.Load(acc + 48);
        var a10 = Vector512.Load(acc + 64); var a11 = Vector512.Load(acc + 80); var a12 = Vector512.Load(acc + 96); var a13 = Vector512.Load(acc + 112);
        var a20 = Vector512.Load(acc + 128); var a21 = Vector512.Load(acc + 144); var a22 = Vector512.Load(acc + 160); var a23 = Vector512.Load(acc + 176);
        var a30 = Vector512.Load(acc + 192); var a31 = Vector512.Load(acc + 208); var a32 = Vector512.Load(acc + 224); var a33 = Vector512.Load(acc + 240);
        var full = width / Lanes * Lanes;
        var tail = DirectConvForwardAvx512.Mask(width - full);
        for (var y = 0; y < rows; y++)
        {
            for (var i = 0; i < full; i += Lanes)
            {
                var q0 = Vector512.Load(g0 + i);
                var q1 = Vector512.Load(g1 + i);
                var q2 = Vector512.Load(g2 + i);
                var q3 = Vector512.Load(g3 + i);
                var v0 = Vector512.Load(x0 + i);
                var v1 = Vector512.Load(x1 + i);
                var v2 = Vector512.Load(x2 + i);
                var v3 = Vector512.Load(x3 + i);
                a00 = Avx512F.FusedMultiplyAdd(q0, v0, a00);
                a01 = Avx512F.FusedMultiplyAdd(q0, v1, a01);
                a02 = Avx512F.FusedMultiplyAdd(q0, v2, a02);
                a03 = Avx512F.FusedMultiplyAdd(q0, v3, a03);
                a10 = Avx512F.FusedMultiplyAdd(q1, v0, a10);
                a11 = Avx512F.FusedMultiplyAdd(q1, v1, a11);
                a12 = Avx512F.FusedMultiplyAdd(q1, v2, a12);
                a13 = Avx512F.FusedMultiplyAdd(q1, v3, a13);
                a20 = Avx512F.FusedMultiplyAdd(q2, v0, a20);
                a21 = Avx512F.FusedMultiplyAdd(q2, v1, a21);
                a22 = Avx512F.FusedMultiplyAdd(q2, v2, a22);
                a23 = Avx512F.FusedMultiplyAdd(q2, v3, a23);
                a30 = Avx512F.FusedMultiplyAdd(q3, v0, a30);
                a31 = Avx512F.FusedMultiplyAdd(q3, v1, a31);
                a32 = Avx512F.FusedMultiplyAdd(q3, v2, a32);
                a33 = Avx512F.FusedMultiplyAdd(q3, v3, a33);
            }
            if (full < width)
            {
                var q0 = Avx512F.MaskLoad(g0 + full, tail, Vector512<float>.Zero);
                var q1 = Avx512F.MaskLoad(g1 + full, tail, Vector512<float>.Zero);
                var q2 = Avx512F.MaskLoad(g2 + full, tail, Vector512<float>.Zero);
                var q3 = Avx512F.MaskLoad(g3 + full, tail, Vector512<float>.Zero);
                var v0 = Avx512F.MaskLoad(x0 + full, tail, Vector512<float>.Zero);
                var v1 = Avx512F.MaskLoad(x1 + full, tail, Vector512<float>.Zero);
                var v2 = Avx512F.MaskLoad(x2 + full, tail, Vector512<float>.Zero);
                var v3 = Avx512F.MaskLoad(x3 + full, tail, Vector512<float>.Zero);
                a00 = Avx512F.FusedMultiplyAdd(q0, v0, a00);
                a01 = Avx512F.FusedMultiplyAdd(q0, v1, a01);
                a02 = Avx512F.FusedMultiplyAdd(q0, v2, a02);
                a03 = Avx512F.FusedMultiplyAdd(q0, v3, a03);
                a10 = Avx512F.FusedMultiplyAdd(q1, v0, a10);
                a11 = Avx512F.FusedMultiplyAdd(q1, v1, a11);
                a12 = Avx512F.FusedMultiplyAdd(q1, v2, a12);
                a13 = Avx512F.FusedMultiplyAdd(q1, v3, a13);
                a20 = Avx512F.FusedMultiplyAdd(q2, v0, a20);
                a21 = Avx512F.FusedMultiplyAdd(q2, v1, a21);
                a22 = Avx512F.FusedMultiplyAdd(q2, v2, a22);
                a23 = Avx512F.FusedMultiplyAdd(q2, v3, a23);
                a30 = Avx512F.FusedMultiplyAdd(q3, v0, a30);
                a31 = Avx512F.FusedMultiplyAdd(q3, v1, a31);
                a32 = Avx512F.FusedMultiplyAdd(q3, v2, a32);
                a33 = Avx512F.FusedMultiplyAdd(q3, v3, a33);
            }
            g0 += gRow; g1 += gRow; g2 += gRow; g3 += gRow;
            x0 += xRow; x1 += xRow; x2 += xRow; x3 += xRow;
        }
        a00.Store(acc + 0); a01.Store(acc + 16); a02.Store(acc + 32); a03.Store(acc + 48);
        a10.Store(acc + 64); a11.Store(acc + 80); a12.Store(acc + 96); a13.Store(acc + 112);
        a20.Store(acc + 128); a21.Store(acc + 144); a22.Store(acc + 160); a23.Store(acc + 176);
        a30.Store(acc + 192); a31.Store(acc + 208); a32.Store(acc + 224); a33.Store(acc + 240);
    }
}
