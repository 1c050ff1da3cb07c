using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// <see cref="DirectConvWeightGradAvx512Row3Unpadded"/> for rows exactly one vector wide (16 × 16 maps): both border
/// lanes are masked on the same vector. On 16–64-channel layers this ran 8–13% faster than the padded copies, with
/// the same bits.
/// </summary>
[SkipLocalsInit]
internal static unsafe class DirectConvWeightGradAvx512Row3Single
{
    /// <summary>
    /// Adds Σ over <paramref name="rows"/> rows of g[r]·x[c] shifted by kx − 1 to the lane-wise partial sums of taps
    /// kx = 0, 1, 2 (vector kx·8 + r·2 + c at <paramref name="acc"/>). <paramref name="x0"/> and <paramref name="x1"/>
    /// point one value before an input row; the value before and the one after a row are never read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* g0, float* g1, float* g2, float* g3, nint gRow, float* x0, float* x1, nint xRow,
        int rows, float* acc)
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
        {
            float* p0 = g0, p1 = g1, p2 = g2, p3 = g3, u0 = x0, u1 = x1;
            for (var y = 0; y < rows; y++)
            {
                var q0 = Vector512.Load(p0);
                var q1 = Vector512.Load(p1);
                var q2 = Vector512.Load(p2);
                var q3 = Vector512.Load(p3);
                var t00 = Avx512F.MaskLoad(u0, left, Vector512<float>.Zero);
                a000 = Avx512F.FusedMultiplyAdd(q0, t00, a000);
                a100 = Avx512F.FusedMultiplyAdd(q1, t00, a100);
                a200 = Avx512F.FusedMultiplyAdd(q2, t00, a200);
                a300 = Avx512F.FusedMultiplyAdd(q3, t00, a300);
                var t01 = Vector512.Load(u0 + 1);
                a001 = Avx512F.FusedMultiplyAdd(q0, t01, a001);
                a101 = Avx512F.FusedMultiplyAdd(q1, t01, a101);
                a201 = Avx512F.FusedMultiplyAdd(q2, t01, a201);
                a301 = Avx512F.FusedMultiplyAdd(q3, t01, a301);
                var t02 = Avx512F.MaskLoad(u0 + 2, right, Vector512<float>.Zero);
                a002 = Avx512F.FusedMultiplyAdd(q0, t02, a002);
                a102 = Avx512F.FusedMultiplyAdd(q1, t02, a102);
                a202 = Avx512F.FusedMultiplyAdd(q2, t02, a202);
                a302 = Avx512F.FusedMultiplyAdd(q3, t02, a302);
                var t10 = Avx512F.MaskLoad(u1, left, Vector512<float>.Zero);
                a010 = Avx512F.FusedMultiplyAdd(q0, t10, a010);
                a110 = Avx512F.FusedMultiplyAdd(q1, t10, a110);
                a210 = Avx512F.FusedMultiplyAdd(q2, t10, a210);
                a310 = Avx512F.FusedMultiplyAdd(q3, t10, a310);
                var t11 = Vector512.Load(u1 + 1);
                a011 = Avx512F.FusedMultiplyAdd(q0, t11, a011);
                a111 = Avx512F.FusedMultiplyAdd(q1, t11, a111);
                a211 = Avx512F.FusedMultiplyAdd(q2, t11, a211);
                a311 = Avx512F.FusedMultiplyAdd(q3, t11, a311);
                var t12 = Avx512F.MaskLoad(u1 + 2, right, Vector512<float>.Zero);
                a012 = Avx512F.FusedMultiplyAdd(q0, t12, a012);
                a112 = Avx512F.FusedMultiplyAdd(q1, t12, a112);
                a212 = Avx512F.FusedMultiplyAdd(q2, t12, a212);
                a312 = Avx512F.FusedMultiplyAdd(q3, t12, a312);
                p0 += gRow; p1 += gRow; p2 += gRow; p3 += gRow;
                u0 += xRow; u1 += xRow;
            }
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
