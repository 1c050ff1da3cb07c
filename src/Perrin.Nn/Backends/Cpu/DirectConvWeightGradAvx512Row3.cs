using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// AVX-512 weight-gradient micro-kernel for kernels three taps wide: 4 output channels × 2 input channels × the 3
/// horizontal taps of one kernel row in 24 zmm accumulators. The gradient rows are loaded once for all three taps; the
/// three shifted input vectors are three unaligned loads. Deriving two of them by lane rotation (valignd) saves loads
/// but takes the shuffle port that also issues FMAs, and measured 20–25% slower on data in the L1 cache.
/// </summary>
[SkipLocalsInit]
internal static unsafe class DirectConvWeightGradAvx512Row3
{
    public const int OutChannels = 4;
    public const int InChannels = 2;
    public const int Lanes = 16;

    /// <summary>
    /// Adds Σ over a band of <paramref name="rows"/> rows and <paramref name="width"/> pixels of g[r]·x[c] shifted by
    /// kx to the lane-wise partial sums of taps kx = 0, 1, 2 (vector kx·8 + r·2 + c at <paramref name="acc"/>). Every
    /// x row must hold width + 2 readable values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* g0, float* g1, float* g2, float* g3, nint gRow, float* x0, float* x1, nint xRow,
        int rows, int width, float* acc)
    {
        var a000 = Vector512.Load(acc + 0);
        var a001 = Vector512.Load(acc + 128);
        var a002 = Vector512.Load(acc + 256);
        var a010 = Vector512.Load(acc + 16);
        var a011 = Vector512.Load(acc + 144);
        var a012 = Vector512.Load(acc + 272);
        var a100 = Vector512.Load(acc + 32);
        var a101 = Vector512.Load(acc + 160);
        var a102 = Vector512.Load(acc + 288);
        var a110 = Vector512.Load(acc + 48);
        var a111 = Vector512.Load(acc + 176);
        var a112 = Vector512.Load(acc + 304);
        var a200 = Vector512.Load(acc + 64);
        var a201 = Vector512.Load(acc + 192);
        var a202 = Vector512.Load(acc + 320);
        var a210 = Vector512.Load(acc + 80);
        var a211 = Vector512.Load(acc + 208);
        var a212 = Vector512.Load(acc + 336);
        var a300 = Vector512.Load(acc + 96);
        var a301 = Vector512.Load(acc + 224);
        var a302 = Vector512.Load(acc + 352);
        var a310 = Vector512.Load(acc + 112);
        var a311 = Vector512.Load(acc + 240);
        var a312 = Vector512.Load(acc + 368);
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
                var t00 = Vector512.Load(x0 + i);
                a000 = Avx512F.FusedMultiplyAdd(q0, t00, a000);
                a100 = Avx512F.FusedMultiplyAdd(q1, t00, a100);
                a200 = Avx512F.FusedMultiplyAdd(q2, t00, a200);
                a300 = Avx512F.FusedMultiplyAdd(q3, t00, a300);
                var t01 = Vector512.Load(x0 + i + 1);
                a001 = Avx512F.FusedMultiplyAdd(q0, t01, a001);
                a101 = Avx512F.FusedMultiplyAdd(q1, t01, a101);
                a201 = Avx512F.FusedMultiplyAdd(q2, t01, a201);
                a301 = Avx512F.FusedMultiplyAdd(q3, t01, a301);
                var t02 = Vector512.Load(x0 + i + 2);
                a002 = Avx512F.FusedMultiplyAdd(q0, t02, a002);
                a102 = Avx512F.FusedMultiplyAdd(q1, t02, a102);
                a202 = Avx512F.FusedMultiplyAdd(q2, t02, a202);
                a302 = Avx512F.FusedMultiplyAdd(q3, t02, a302);
                var t10 = Vector512.Load(x1 + i);
                a010 = Avx512F.FusedMultiplyAdd(q0, t10, a010);
                a110 = Avx512F.FusedMultiplyAdd(q1, t10, a110);
                a210 = Avx512F.FusedMultiplyAdd(q2, t10, a210);
                a310 = Avx512F.FusedMultiplyAdd(q3, t10, a310);
                var t11 = Vector512.Load(x1 + i + 1);
                a011 = Avx512F.FusedMultiplyAdd(q0, t11, a011);
                a111 = Avx512F.FusedMultiplyAdd(q1, t11, a111);
                a211 = Avx512F.FusedMultiplyAdd(q2, t11, a211);
                a311 = Avx512F.FusedMultiplyAdd(q3, t11, a311);
                var t12 = Vector512.Load(x1 + i + 2);
                a012 = Avx512F.FusedMultiplyAdd(q0, t12, a012);
                a112 = Avx512F.FusedMultiplyAdd(q1, t12, a112);
                a212 = Avx512F.FusedMultiplyAdd(q2, t12, a212);
                a312 = Avx512F.FusedMultiplyAdd(q3, t12, a312);
            }
            if (full < width)
            {
                var q0 = Avx512F.MaskLoad(g0 + full, tail, Vector512<float>.Zero);
                var q1 = Avx512F.MaskLoad(g1 + full, tail, Vector512<float>.Zero);
                var q2 = Avx512F.MaskLoad(g2 + full, tail, Vector512<float>.Zero);
                var q3 = Avx512F.MaskLoad(g3 + full, tail, Vector512<float>.Zero);
                var t00 = Avx512F.MaskLoad(x0 + full + 0, tail, Vector512<float>.Zero);
                var t01 = Avx512F.MaskLoad(x0 + full + 1, tail, Vector512<float>.Zero);
                var t02 = Avx512F.MaskLoad(x0 + full + 2, tail, Vector512<float>.Zero);
                var t10 = Avx512F.MaskLoad(x1 + full + 0, tail, Vector512<float>.Zero);
                var t11 = Avx512F.MaskLoad(x1 + full + 1, tail, Vector512<float>.Zero);
                var t12 = Avx512F.MaskLoad(x1 + full + 2, tail, Vector512<float>.Zero);
                a000 = Avx512F.FusedMultiplyAdd(q0, t00, a000);
                a100 = Avx512F.FusedMultiplyAdd(q1, t00, a100);
                a200 = Avx512F.FusedMultiplyAdd(q2, t00, a200);
                a300 = Avx512F.FusedMultiplyAdd(q3, t00, a300);
                a001 = Avx512F.FusedMultiplyAdd(q0, t01, a001);
                a101 = Avx512F.FusedMultiplyAdd(q1, t01, a101);
                a201 = Avx512F.FusedMultiplyAdd(q2, t01, a201);
                a301 = Avx512F.FusedMultiplyAdd(q3, t01, a301);
                a002 = Avx512F.FusedMultiplyAdd(q0, t02, a002);
                a102 = Avx512F.FusedMultiplyAdd(q1, t02, a102);
                a202 = Avx512F.FusedMultiplyAdd(q2, t02, a202);
                a302 = Avx512F.FusedMultiplyAdd(q3, t02, a302);
                a010 = Avx512F.FusedMultiplyAdd(q0, t10, a010);
                a110 = Avx512F.FusedMultiplyAdd(q1, t10, a110);
                a210 = Avx512F.FusedMultiplyAdd(q2, t10, a210);
                a310 = Avx512F.FusedMultiplyAdd(q3, t10, a310);
                a011 = Avx512F.FusedMultiplyAdd(q0, t11, a011);
                a111 = Avx512F.FusedMultiplyAdd(q1, t11, a111);
                a211 = Avx512F.FusedMultiplyAdd(q2, t11, a211);
                a311 = Avx512F.FusedMultiplyAdd(q3, t11, a311);
                a012 = Avx512F.FusedMultiplyAdd(q0, t12, a012);
                a112 = Avx512F.FusedMultiplyAdd(q1, t12, a112);
                a212 = Avx512F.FusedMultiplyAdd(q2, t12, a212);
                a312 = Avx512F.FusedMultiplyAdd(q3, t12, a312);
            }
            g0 += gRow; g1 += gRow; g2 += gRow; g3 += gRow;
            x0 += xRow; x1 += xRow;
        }
        a000.Store(acc + 0);
        a001.Store(acc + 128);
        a002.Store(acc + 256);
        a010.Store(acc + 16);
        a011.Store(acc + 144);
        a012.Store(acc + 272);
        a100.Store(acc + 32);
        a101.Store(acc + 160);
        a102.Store(acc + 288);
        a110.Store(acc + 48);
        a111.Store(acc + 176);
        a112.Store(acc + 304);
        a200.Store(acc + 64);
        a201.Store(acc + 192);
        a202.Store(acc + 320);
        a210.Store(acc + 80);
        a211.Store(acc + 208);
        a212.Store(acc + 336);
        a300.Store(acc + 96);
        a301.Store(acc + 224);
        a302.Store(acc + 352);
        a310.Store(acc + 112);
        a311.Store(acc + 240);
        a312.Store(acc + 368);
    }
}
