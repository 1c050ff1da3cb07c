namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// A micro-kernel with its tile shape and cache blocking: KC×NR panels of B are reused from L1 across the MC rows of a
/// packed A block that stays in L2, and a KC×NC block of B stays in L3.
/// </summary>
internal readonly unsafe struct SgemmPlan
{
    public readonly delegate*<int, float*, float*, float*, nint, int, int, in SgemmTileStore, void> Kernel;

    /// <summary>A kernel for whole NR columns of B read in place, rows ldb apart (null: pack B first).</summary>
    public readonly delegate*<int, float*, float*, nint, float*, nint, int, in SgemmTileStore, void> KernelStridedB;
    public readonly int MR;
    public readonly int NR;
    public readonly int KC;
    public readonly int MC;
    public readonly int NC;

    private SgemmPlan(delegate*<int, float*, float*, float*, nint, int, int, in SgemmTileStore, void> kernel,
        int mr, int nr, int kc, int mc, int nc,
        delegate*<int, float*, float*, nint, float*, nint, int, in SgemmTileStore, void> kernelStridedB = null)
    {
        Kernel = kernel;
        KernelStridedB = kernelStridedB;
        MR = mr;
        NR = nr;
        KC = kc;
        MC = mc;
        NC = nc;
    }

    public static SgemmPlan For(SgemmKernelKind kind) => kind switch
    {
        // K blocks of 512: the B panel streams from L2 either way (64 columns of 256 K values already exceed a 32 KiB
        // L1), and each extra K block reloads and stores every C tile; 1024³ ran ~8% faster than with 256.
        SgemmKernelKind.Avx512 => new SgemmPlan(&SgemmKernelAvx512.Run, SgemmKernelAvx512.MR, SgemmKernelAvx512.NR,
            512, 24 * SgemmKernelAvx512.MR, 4096),
        SgemmKernelKind.Avx2 => new SgemmPlan(&SgemmKernelAvx2.Run, SgemmKernelAvx2.MR, SgemmKernelAvx2.NR,
            256, 24 * SgemmKernelAvx2.MR, 4096, &SgemmKernelAvx2.RunStridedB),
        _ => new SgemmPlan(&SgemmKernelScalar.Run, SgemmKernelScalar.MR, SgemmKernelScalar.NR, 256, 64, 1024),
    };

    /// <summary>Splits k into equal K blocks of at most KC, so no block is a sliver; the split depends on k alone.</summary>
    public int KBlock(int k)
    {
        var blocks = (k + KC - 1) / KC;
        return (k + blocks - 1) / blocks;
    }
}
