using System.Runtime.CompilerServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>Portable micro-kernel for machines without AVX2/FMA; same packed layout as the vector kernels.</summary>
[SkipLocalsInit]
internal static unsafe class SgemmKernelScalar
{
    public const int MR = 4;
    public const int NR = 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, float* b, float* c, nint ldc, int mr, int nr, in SgemmTileStore store)
    {
        var tile = stackalloc float[MR * NR];
        new Span<float>(tile, MR * NR).Clear();
        for (var p = 0; p < kc; p++)
        {
            for (var i = 0; i < MR; i++)
            {
                var ai = a[i];
                var row = tile + i * NR;
                for (var j = 0; j < NR; j++) row[j] += ai * b[j];
            }
            a += MR;
            b += NR;
        }
        store.Merge(tile, NR, c, ldc, mr, nr);
    }
}
