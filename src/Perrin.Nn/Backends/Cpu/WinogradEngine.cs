using System.Buffers;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Runs a <see cref="WinogradProblem"/>: transforms the weight once, pads the source, then splits the tiles into
/// blocks of <see cref="WinogradProblem.BlockTiles"/>. Each block is one work item: its input transform
/// [ξ][CIn][tiles], one single-threaded GEMM M[ξ] = U[ξ]·V[ξ] per position ξ and the output transform writing its own tiles, all
/// in the worker's buffers. The partition depends on the problem alone, so results do not depend on the thread count.
/// </summary>
internal static unsafe class WinogradEngine
{
    /// <summary>Slack for rounding the packed weight up to a cache line, where the micro-kernel's loads run fastest.</summary>
    private const int AlignFloats = 16;

    public static void Run(SgemmKernelKind kind, WinogradProblem p, ReadOnlySpan<float> source,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads)
    {
        fixed (float* src = source)
        {
            fixed (float* dst = output)
            {
                Run(kind, p, ChannelPlanes.Whole(src), weight, bias, relu, ChannelPlanes.Whole(dst), threads);
            }
        }
    }

    /// <summary>As above, reading and writing channels where <paramref name="source"/> and <paramref name="output"/> say they lie.</summary>
    public static void Run(SgemmKernelKind kind, WinogradProblem p, ChannelPlanes source,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu, ChannelPlanes output, int threads)
    {
        if (p.N == 0 || p.COut == 0 || p.OutH == 0 || p.OutW == 0) return;
        var plan = SgemmPlan.For(kind);
        var transformed = ArrayPool<float>.Shared.Rent(p.Positions * p.COut * p.CIn);
        var packed = ArrayPool<float>.Shared.Rent((int)WinogradGemm.PackedLength(plan, p.Positions, p.COut, p.CIn)
            + AlignFloats);
        float[]? padded = null;
        try
        {
            fixed (float* w = weight, b = bias, t = transformed, pk = packed)
            {
                if (p.Tile == 4) WinogradWeightsF4.Transform(w, p.COut, p.CIn, p.Adjoint, t);
                else WinogradWeights.Transform(w, p.COut, p.CIn, p.Adjoint, t);
                var u = (float*)(((nint)pk + 63) & ~(nint)63);
                WinogradGemm.Pack(plan, p.Positions, t, p.COut, p.CIn, u);
                padded = DirectConvPadding.PadImages(source, p.N, p.CIn, p.InH, p.InW, p.Top, p.Left, p.Rows, p.Stride, threads);
                fixed (float* pad = padded)
                {
                    var (padAt, uAt, biasAt) = ((nint)pad, (nint)u, bias.IsEmpty ? 0 : (nint)b);
                    var blocks = (int)((p.Tiles + p.BlockTiles - 1) / p.BlockTiles);
                    CpuParallel.For(blocks, threads, (int)p.ScratchLength, (block, scratch) =>
                    {
                        fixed (float* buffer = scratch)
                        {
                            new WinogradBlock(kind, p, (float*)padAt, (float*)uAt, (float*)biasAt, relu,
                                output, buffer).Run(block);
                        }
                    });
                }
            }
        }
        finally
        {
            if (padded != null) ArrayPool<float>.Shared.Return(padded);
            ArrayPool<float>.Shared.Return(packed);
            ArrayPool<float>.Shared.Return(transformed);
        }
    }
}
