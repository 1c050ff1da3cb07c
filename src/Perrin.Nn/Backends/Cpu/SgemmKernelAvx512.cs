using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>AVX-512 micro-kernel: an MR×NR tile of C held in zmm accumulators, one broadcast of A per row and NR/16 loads of B per k.</summary>
[SkipLocalsInit]
internal static unsafe class SgemmKernelAvx512
{
    public const int MR = 6;
    public const int NR = 64;

    /// <summary>
    /// Multiplies an MR×kc packed A micro-panel by a kc×NR packed B micro-panel and stores the mr×nr valid part of the
    /// tile into C. The accumulators stay in registers for the whole K block. Tiles cut short in M store whole rows;
    /// only tiles cut short in N go through a stack copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, float* c, nint ldc, int mr, int nr, in SgemmTileStore store)
    {
        // The tile's rows are ldc apart, often in different pages, which the hardware prefetcher does not follow;
        // asking for them now hides their miss behind the K loop instead of stalling the stores after it.
        for (var i = 0; i < mr; i++)
        {
            var row = c + i * ldc;
            Sse.Prefetch0(row);
            Sse.Prefetch0(row + 16);
            Sse.Prefetch0(row + 32);
            Sse.Prefetch0(row + 48);
        }
        var c00 = Vector512<float>.Zero; var c01 = Vector512<float>.Zero; var c02 = Vector512<float>.Zero; var c03 = Vector512<float>.Zero;
        var c10 = Vector512<float>.Zero; var c11 = Vector512<float>.Zero; var c12 = Vector512<float>.Zero; var c13 = Vector512<float>.Zero;
        var c20 = Vector512<float>.Zero; var c21 = Vector512<float>.Zero; var c22 = Vector512<float>.Zero; var c23 = Vector512<float>.Zero;
        var c30 = Vector512<float>.Zero; var c31 = Vector512<float>.Zero; var c32 = Vector512<float>.Zero; var c33 = Vector512<float>.Zero;
        var c40 = Vector512<float>.Zero; var c41 = Vector512<float>.Zero; var c42 = Vector512<float>.Zero; var c43 = Vector512<float>.Zero;
        var c50 = Vector512<float>.Zero; var c51 = Vector512<float>.Zero; var c52 = Vector512<float>.Zero; var c53 = Vector512<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b + 0);
            var b1 = Vector512.Load(b + 16);
            var b2 = Vector512.Load(b + 32);
            var b3 = Vector512.Load(b + 48);
            var a0 = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            c02 = Avx512F.FusedMultiplyAdd(a0, b2, c02);
            c03 = Avx512F.FusedMultiplyAdd(a0, b3, c03);
            var a1 = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11);
            c12 = Avx512F.FusedMultiplyAdd(a1, b2, c12);
            c13 = Avx512F.FusedMultiplyAdd(a1, b3, c13);
            var a2 = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21);
            c22 = Avx512F.FusedMultiplyAdd(a2, b2, c22);
            c23 = Avx512F.FusedMultiplyAdd(a2, b3, c23);
            var a3 = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31);
            c32 = Avx512F.FusedMultiplyAdd(a3, b2, c32);
            c33 = Avx512F.FusedMultiplyAdd(a3, b3, c33);
            var a4 = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(a4, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(a4, b1, c41);
            c42 = Avx512F.FusedMultiplyAdd(a4, b2, c42);
            c43 = Avx512F.FusedMultiplyAdd(a4, b3, c43);
            var a5 = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(a5, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(a5, b1, c51);
            c52 = Avx512F.FusedMultiplyAdd(a5, b2, c52);
            c53 = Avx512F.FusedMultiplyAdd(a5, b3, c53);
            a += MR;
            b += NR;
        }

        if (nr == NR)
        {
            var r0 = c + 0 * ldc;
            store.Put(r0, c00, 0);
            store.Put(r0 + 16, c01, 0);
            store.Put(r0 + 32, c02, 0);
            store.Put(r0 + 48, c03, 0);
            if (mr == 1) return;
            var r1 = c + 1 * ldc;
            store.Put(r1, c10, 1);
            store.Put(r1 + 16, c11, 1);
            store.Put(r1 + 32, c12, 1);
            store.Put(r1 + 48, c13, 1);
            if (mr == 2) return;
            var r2 = c + 2 * ldc;
            store.Put(r2, c20, 2);
            store.Put(r2 + 16, c21, 2);
            store.Put(r2 + 32, c22, 2);
            store.Put(r2 + 48, c23, 2);
            if (mr == 3) return;
            var r3 = c + 3 * ldc;
            store.Put(r3, c30, 3);
            store.Put(r3 + 16, c31, 3);
            store.Put(r3 + 32, c32, 3);
            store.Put(r3 + 48, c33, 3);
            if (mr == 4) return;
            var r4 = c + 4 * ldc;
            store.Put(r4, c40, 4);
            store.Put(r4 + 16, c41, 4);
            store.Put(r4 + 32, c42, 4);
            store.Put(r4 + 48, c43, 4);
            if (mr == 5) return;
            var r5 = c + 5 * ldc;
            store.Put(r5, c50, 5);
            store.Put(r5 + 16, c51, 5);
            store.Put(r5 + 32, c52, 5);
            store.Put(r5 + 48, c53, 5);
            return;
        }

        var tile = stackalloc float[MR * NR];
        c00.Store(tile + 0);
        c01.Store(tile + 16);
        c02.Store(tile + 32);
        c03.Store(tile + 48);
        c10.Store(tile + 64);
        c11.Store(tile + 80);
        c12.Store(tile + 96);
        c13.Store(tile + 112);
        c20.Store(tile + 128);
        c21.Store(tile + 144);
        c22.Store(tile + 160);
        c23.Store(tile + 176);
        c30.Store(tile + 192);
        c31.Store(tile + 208);
        c32.Store(tile + 224);
        c33.Store(tile + 240);
        c40.Store(tile + 256);
        c41.Store(tile + 272);
        c42.Store(tile + 288);
        c43.Store(tile + 304);
        c50.Store(tile + 320);
        c51.Store(tile + 336);
        c52.Store(tile + 352);
        c53.Store(tile + 368);
        store.Merge(tile, NR, c, ldc, mr, nr);
    }
}
