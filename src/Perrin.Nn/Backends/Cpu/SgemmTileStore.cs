using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// How a micro-kernel writes its accumulators into C for one K block: overwrite or C = beta·C + acc, then (after the
/// last K block only) the row bias and ReLU, so the epilogue runs while the tile is still in registers.
/// Full tiles and edge tiles round identically, which keeps results independent of how the tile space is split.
/// </summary>
internal readonly unsafe struct SgemmTileStore
{
    private readonly float beta;
    private readonly bool overwrite;
    private readonly bool relu;
    private readonly float* bias;

    public SgemmTileStore(bool overwrite, float beta, float* bias, bool relu)
    {
        this.overwrite = overwrite;
        this.beta = beta;
        this.bias = bias;
        this.relu = relu;
    }

    /// <summary>Whether the tile is stored as computed: no earlier C to add, no bias, no ReLU.</summary>
    public bool Plain => overwrite && bias == null && !relu;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Put(float* dst, Vector512<float> acc, int row)
    {
        if (!overwrite) acc = Avx512F.FusedMultiplyAdd(Vector512.Create(beta), Vector512.Load(dst), acc);
        if (bias != null) acc += Vector512.Create(bias[row]);
        if (relu) acc = Avx512F.Max(acc, Vector512<float>.Zero);
        acc.Store(dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Put(float* dst, Vector256<float> acc, int row)
    {
        if (!overwrite) acc = Fma.MultiplyAdd(Vector256.Create(beta), Vector256.Load(dst), acc);
        if (bias != null) acc += Vector256.Create(bias[row]);
        if (relu) acc = Avx.Max(acc, Vector256<float>.Zero);
        acc.Store(dst);
    }

    /// <summary>Stores the mr×nr valid part of a tile kept in memory, with the same rounding as the vector stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Merge(float* tile, int tileStride, float* c, nint ldc, int mr, int nr)
    {
        for (var i = 0; i < mr; i++)
        {
            var src = tile + i * tileStride;
            var dst = c + i * ldc;
            for (var j = 0; j < nr; j++)
            {
                var v = src[j];
                if (!overwrite) v = Fma.IsSupported ? MathF.FusedMultiplyAdd(beta, dst[j], v) : beta * dst[j] + v;
                if (bias != null) v += bias[i];
                if (relu) v = v > 0f ? v : 0f;
                dst[j] = v;
            }
        }
    }
}
