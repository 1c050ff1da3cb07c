using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// <see cref="DirectConvWeightGradAvx512Row3"/> on the input's own rows instead of zero-bordered copies, for a
/// 3-wide kernel with one column of padding on rows a whole number of vectors wide: the first vector's left tap and
/// the last vector's right tap load with the border lane masked to zero, and rows above or below the image are left
/// out by the caller. The sums are the same, in the same order, as on the padded copy, whose border only adds zeros.
/// Building the copies cost 15% of the weight gradient of a 16-channel 128 × 128 layer.
/// </summary>
[SkipLocalsInit]
internal static unsafe class DirectConvWeightGradAvx512Row3Unpadded
{
    /// <summary>Whether rows of this width can go through <see cref="Run"/>: two or more whole vectors.</summary>
    public static bool Fits(int width) => width >= 2 * DirectConvWeightGradAvx512Row3.Lanes
        && width % DirectConvWeightGradAvx512Row3.Lanes == 0;

    /// <summary>
    /// As <see cref="DirectConvWeightGradAvx512Row3.Run"/>, with <paramref name="x0"/> and <paramref name="x1"/> one
    /// value before the first pixel of an input row (that value and the one after the row's last are never read).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* g0, float* g1, float* g2, float* g3, nint gRow, float* x0, float* x1, nint xRow,
        int rows, int width, float* acc)
    {
        var a000 = Vector512.Load(acc + 0);
        var a010 = Vector512.Load(acc + 16);
        var a100 = Vector512.Load(acc + 32);
        var a110 = Vector512.Load(acc + 48);
        var a200 = Vector512.Load(acc + 64);
        var a210 = Vector512.Load(acc + 80);
        var a300 = Vector512.Load(acc + 96);
        var a310 = Vector512.Load(acc + 112);
        var a001 = Vector512.Load(acc + 128);
        var a011 = Vector512.Load(acc + 144);
        var a101 = Vector512.Load(acc + 160);
        var a111 = Vector512.Load(acc + 176);
        var a201 = Vector512.Load(acc + 192);
        var a211 = Vector512.Load(acc + 208);
        var a301 = Vector512.Load(acc + 224);
        var a311 = Vector512.Load(acc + 240);
        var a002 = Vector512.Load(acc + 256);
        var a012 = Vector512.Load(acc + 272);
        var a102 = Vector512.Load(acc + 288);
        var a112 = Vector512.Load(acc + 304);
        var a202 = Vector512.Load(acc + 320);
        var a212 = Vector512.Load(acc + 336);
        var a302 = Vector512.Load(acc + 352);
        var a312 = Vector512.Load(acc + 368);
        var left = Vector512.GreaterThan(Vector512<int>.Indices, Vector512<int>.Zero).AsSingle();
        var right = DirectConvForwardAvx512.Mask(DirectConvWeightGradAvx512Row3.Lanes - 1);
        var last = width - DirectConvWeightGradAvx512Row3.Lanes;
        for (var y = 0; y < rows; y++)
        {
            {
                var q0 = Vector512.Load(g0 + 0);
                var q1 = Vector512.Load(g1 + 0);
                var q2 = Vector512.Load(g2 + 0);
                var q3 = Vector512.Load(g3 + 0);
                var t00 = Avx512F.MaskLoad(x0 + 0, left, Vector512<float>.Zero);
                a000 = Avx512F.FusedMultiplyAdd(q0, t00, a000);
                a100 = Avx512F.FusedMultiplyAdd(q1, t00, a100);
                a200 = Avx512F.FusedMultiplyAdd(q2, t00, a200);
                a300 = Avx512F.FusedMultiplyAdd(q3, t00, a300);
                var t01 = Vector512.Load(x0 + 0 + 1);
                a001 = Avx512F.FusedMultiplyAdd(q0, t01, a001);
                a101 = Avx512F.FusedMultiplyAdd(q1, t01, a101);
                a201 = Avx512F.FusedMultiplyAdd(q2, t01, a201);
                a301 = Avx512F.FusedMultiplyAdd(q3, t01, a301);
                var t02 = Vector512.Load(x0 + 0 + 2);
                a002 = Avx512F.FusedMultiplyAdd(q0, t02, a002);
                a102 = Avx512F.FusedMultiplyAdd(q1, t02, a102);
                a202 = Avx512F.FusedMultiplyAdd(q2, t02, a202);
                a302 = Avx512F.FusedMultiplyAdd(q3, t02, a302);
                var t10 = Avx512F.MaskLoad(x1 + 0, left, Vector512<float>.Zero);
                a010 = Avx512F.FusedMultiplyAdd(q0, t10, a010);
                a110 = Avx512F.FusedMultiplyAdd(q1, t10, a110);
                a210 = Avx512F.FusedMultiplyAdd(q2, t10, a210);
                a310 = Avx512F.FusedMultiplyAdd(q3, t10, a310);
                var t11 = Vector512.Load(x1 + 0 + 1);
                a011 = Avx512F.FusedMultiplyAdd(q0, t11, a011);
                a111 = Avx512F.FusedMultiplyAdd(q1, t11, a111);
                a211 = Avx512F.FusedMultiplyAdd(q2, t11, a211);
                a311 = Avx512F.FusedMultiplyAdd(q3, t11, a311);
                var t12 = Vector512.Load(x1 + 0 + 2);
                a012 = Avx512F.FusedMultiplyAdd(q0, t12, a012);
                a112 = Avx512F.FusedMultiplyAdd(q1, t12, a112);
                a212 = Avx512F.FusedMultiplyAdd(q2, t12, a212);
                a312 = Avx512F.FusedMultiplyAdd(q3, t12, a312);
            }
            for (var i = DirectConvWeightGradAvx512Row3.Lanes; i < last; i += DirectConvWeightGradAvx512Row3.Lanes)
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
            {
                var q0 = Vector512.Load(g0 + last);
                var q1 = Vector512.Load(g1 + last);
                var q2 = Vector512.Load(g2 + last);
                var q3 = Vector512.Load(g3 + last);
                var t00 = Vector512.Load(x0 + last);
                a000 = Avx512F.FusedMultiplyAdd(q0, t00, a000);
                a100 = Avx512F.FusedMultiplyAdd(q1, t00, a100);
                a200 = Avx512F.FusedMultiplyAdd(q2, t00, a200);
                a300 = Avx512F.FusedMultiplyAdd(q3, t00, a300);
                var t01 = Vector512.Load(x0 + last + 1);
                a001 = Avx512F.FusedMultiplyAdd(q0, t01, a001);
                a101 = Avx512F.FusedMultiplyAdd(q1, t01, a101);
                a201 = Avx512F.FusedMultiplyAdd(q2, t01, a201);
                a301 = Avx512F.FusedMultiplyAdd(q3, t01, a301);
                var t02 = Avx512F.MaskLoad(x0 + last + 2, right, Vector512<float>.Zero);
                a002 = Avx512F.FusedMultiplyAdd(q0, t02, a002);
                a102 = Avx512F.FusedMultiplyAdd(q1, t02, a102);
                a202 = Avx512F.FusedMultiplyAdd(q2, t02, a202);
                a302 = Avx512F.FusedMultiplyAdd(q3, t02, a302);
                var t10 = Vector512.Load(x1 + last);
                a010 = Avx512F.FusedMultiplyAdd(q0, t10, a010);
                a110 = Avx512F.FusedMultiplyAdd(q1, t10, a110);
                a210 = Avx512F.FusedMultiplyAdd(q2, t10, a210);
                a310 = Avx512F.FusedMultiplyAdd(q3, t10, a310);
                var t11 = Vector512.Load(x1 + last + 1);
                a011 = Avx512F.FusedMultiplyAdd(q0, t11, a011);
                a111 = Avx512F.FusedMultiplyAdd(q1, t11, a111);
                a211 = Avx512F.FusedMultiplyAdd(q2, t11, a211);
                a311 = Avx512F.FusedMultiplyAdd(q3, t11, a311);
                var t12 = Avx512F.MaskLoad(x1 + last + 2, right, Vector512<float>.Zero);
                a012 = Avx512F.FusedMultiplyAdd(q0, t12, a012);
                a112 = Avx512F.FusedMultiplyAdd(q1, t12, a112);
                a212 = Avx512F.FusedMultiplyAdd(q2, t12, a212);
                a312 = Avx512F.FusedMultiplyAdd(q3, t12, a312);
            }
            g0 += gRow; g1 += gRow; g2 += gRow; g3 += gRow;
            x0 += xRow; x1 += xRow;
        }
        a000.Store(acc + 0);
        a010.Store(acc + 16);
        a100.Store(acc + 32);
        a110.Store(acc + 48);
        a200.Store(acc + 64);
        a210.Store(acc + 80);
        a300.Store(acc + 96);
        a310.Store(acc + 112);
        a001.Store(acc + 128);
        a011.Store(acc + 144);
        a101.Store(acc + 160);
        a111.Store(acc + 176);
        a201.Store(acc + 192);
        a211.Store(acc + 208);
        a301.Store(acc + 224);
        a311.Store(acc + 240);
        a002.Store(acc + 256);
        a012.Store(acc + 272);
        a102.Store(acc + 288);
        a112.Store(acc + 304);
        a202.Store(acc + 320);
        a212.Store(acc + 336);
        a302.Store(acc + 352);
        a312.Store(acc + 368);
    }
}
