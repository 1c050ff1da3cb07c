using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>AVX2+FMA micro-kernel: an MR×NR tile of C held in ymm accumulators, one broadcast of A per row and NR/8 loads of B per k.</summary>
[SkipLocalsInit]
internal static unsafe class SgemmKernelAvx2
{
    public const int MR = 6;
    public const int NR = 16;

    /// <summary>
    /// Multiplies an MR×kc packed A micro-panel by a kc×NR packed B micro-panel and stores the mr×nr valid part of the
    /// tile into C. The accumulators stay in registers for the whole K block. Tiles cut short in M store whole rows;
    /// only tiles cut short in N go through a stack copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, float* c, nint ldc, int mr, int nr, in SgemmTileStore store) =>
        Tile(kc, a, b, NR, c, ldc, mr, nr, in store);

    /// <summary>
    /// The same product with B read in place: its kc rows of NR columns lie <paramref name="ldb"/> floats apart.
    /// Each lane sums the same products in the same order as <see cref="Run"/> on a packed copy, so the bits agree.
    /// Winograd's transformed inputs are already rows of whole tiles, so the products skip packing them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunStridedB(int kc, float* a, float* b, nint ldb, float* c, nint ldc, int mr, in SgemmTileStore store) =>
        Tile(kc, a, b, ldb, c, ldc, mr, NR, in store);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile(int kc, float* a, float* b, nint ldb, float* c, nint ldc, int mr, int nr, in SgemmTileStore store)
    {
        var c00 = Vector256<float>.Zero; var c01 = Vector256<float>.Zero;
        var c10 = Vector256<float>.Zero; var c11 = Vector256<float>.Zero;
        var c20 = Vector256<float>.Zero; var c21 = Vector256<float>.Zero;
        var c30 = Vector256<float>.Zero; var c31 = Vector256<float>.Zero;
        var c40 = Vector256<float>.Zero; var c41 = Vector256<float>.Zero;
        var c50 = Vector256<float>.Zero; var c51 = Vector256<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b + 0);
            var b1 = Vector256.Load(b + 8);
            var a0 = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(a0, b0, c00);
            c01 = Fma.MultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(a1, b0, c10);
            c11 = Fma.MultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(a2, b0, c20);
            c21 = Fma.MultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(a3, b0, c30);
            c31 = Fma.MultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(a4, b0, c40);
            c41 = Fma.MultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(a5, b0, c50);
            c51 = Fma.MultiplyAdd(a5, b1, c51);
            a += MR;
            b += ldb;
        }

        if (nr == NR && mr == MR && store.Plain)
        {
            // Winograd's products store plain whole tiles, often after only 32-64 steps of k, where testing the
            // store's options for each of the 12 vectors was a noticeable part of the call.
            c00.Store(c); c01.Store(c + 8);
            c10.Store(c + ldc); c11.Store(c + ldc + 8);
            c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 8);
            c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 8);
            c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + 8);
            c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + 8);
            return;
        }

        if (nr == NR)
        {
            var r0 = c + 0 * ldc;
            store.Put(r0, c00, 0);
            store.Put(r0 + 8, c01, 0);
            if (mr == 1) return;
            var r1 = c + 1 * ldc;
            store.Put(r1, c10, 1);
            store.Put(r1 + 8, c11, 1);
            if (mr == 2) return;
            var r2 = c + 2 * ldc;
            store.Put(r2, c20, 2);
            store.Put(r2 + 8, c21, 2);
            if (mr == 3) return;
            var r3 = c + 3 * ldc;
            store.Put(r3, c30, 3);
            store.Put(r3 + 8, c31, 3);
            if (mr == 4) return;
            var r4 = c + 4 * ldc;
            store.Put(r4, c40, 4);
            store.Put(r4 + 8, c41, 4);
            if (mr == 5) return;
            var r5 = c + 5 * ldc;
            store.Put(r5, c50, 5);
            store.Put(r5 + 8, c51, 5);
            return;
        }

        StoreNarrow(c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c, ldc, mr, nr, in store);
    }

    /// <summary>A tile cut short in N goes through a stack copy; apart, so that the stack buffer does not keep <see cref="Tile"/> from inlining.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StoreNarrow(Vector256<float> c00, Vector256<float> c01, Vector256<float> c10, Vector256<float> c11,
        Vector256<float> c20, Vector256<float> c21, Vector256<float> c30, Vector256<float> c31,
        Vector256<float> c40, Vector256<float> c41, Vector256<float> c50, Vector256<float> c51,
        float* c, nint ldc, int mr, int nr, in SgemmTileStore store)
    {
        var tile = stackalloc float[MR * NR];
        c00.Store(tile + 0);
        c01.Store(tile + 8);
        c10.Store(tile + 16);
        c11.Store(tile + 24);
        c20.Store(tile + 32);
        c21.Store(tile + 40);
        c30.Store(tile + 48);
        c31.Store(tile + 56);
        c40.Store(tile + 64);
        c41.Store(tile + 72);
        c50.Store(tile + 80);
        c51.Store(tile + 88);
        store.Merge(tile, NR, c, ldc, mr, nr);
    }
}
