using System.Buffers;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Runs a <see cref="DirectConvProblem"/>: pads the source, packs the weight into blocks of the micro-kernel's
/// channel count, then splits the work into (image, channel block) items, each sweeping its rows in segments of at
/// most three vectors.
/// </summary>
internal static unsafe class DirectConvForward
{
    public static void Run(SgemmKernelKind kind, DirectConvProblem p, ReadOnlySpan<float> source,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads)
    {
        if (p.N == 0 || p.COut == 0 || p.OutH == 0 || p.OutW == 0) return;
        var r = kind switch
        {
            SgemmKernelKind.Avx512 => DirectConvForwardAvx512.Channels,
            SgemmKernelKind.Avx2 => DirectConvForwardAvx2.Channels,
            _ => 1,
        };
        var blocks = (p.COut + r - 1) / r;
        var packedLength = blocks * r * p.CIn * p.Taps;
        var packed = ArrayPool<float>.Shared.Rent(Math.Max(1, packedLength));
        var biasBlock = ArrayPool<float>.Shared.Rent(blocks * r);
        float[]? padded = null;
        try
        {
            fixed (float* src = source, w = weight, b = bias, pk = packed, bb = biasBlock, dst = output)
            {
                DirectConvWeights.Pack(w, p.COut, p.CIn, p.KH, p.KW, r, p.Adjoint, pk);
                biasBlock.AsSpan(0, blocks * r).Clear();
                bias.CopyTo(biasBlock);
                padded = DirectConv.PadImages(src, p.N, p.CIn, p.InH, p.InW, p.Top, p.Left, p.Rows, p.Stride, threads);
                fixed (float* pad = padded)
                {
                    var (padAt, packAt, biasAt, outAt) = ((nint)pad, (nint)pk, bias.IsEmpty ? 0 : (nint)bb, (nint)dst);
                    CpuParallel.For(p.N * blocks, threads, item =>
                    {
                        var (n, block) = (item / blocks, item % blocks);
                        var job = new DirectConvForwardJob(kind, p, r, block, (float*)padAt + n * p.CIn * p.PaddedPlane,
                            (float*)packAt + (nint)block * r * p.CIn * p.Taps,
                            biasAt == 0 ? null : (float*)biasAt + block * r,
                            (float*)outAt + ((nint)n * p.COut + block * r) * p.OutH * p.OutW, relu);
                        job.Run();
                    });
                }
            }
        }
        finally
        {
            if (padded != null) ArrayPool<float>.Shared.Return(padded);
            ArrayPool<float>.Shared.Return(biasBlock);
            ArrayPool<float>.Shared.Return(packed);
        }
    }
}
