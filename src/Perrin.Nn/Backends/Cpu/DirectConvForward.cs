using System.Buffers;
using System.Runtime.CompilerServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Runs a <see cref="DirectConvProblem"/>: packs the weight into blocks of the micro-kernel's channel count, then
/// splits the work into (image, band of output rows) items. An item builds the zero-bordered input rows of its band
/// in the worker's scratch, so no padded copy of the batch goes out to memory, and runs every channel block on them
/// while they are still in cache. Each output is computed by one item in the same order whatever the split, so
/// results do not depend on the thread count.
/// </summary>
internal static unsafe class DirectConvForward
{
    /// <summary>
    /// Floats of one band's padded input rows: a quarter of the 1 MiB L2 of one core. Measured on U-Net layers
    /// (16–32 channels, 64–128 pixels): bands of 2–5 rows lose more to the copied halo rows than they gain in cache,
    /// and bands filling half the L2 ran up to 15% slower. Splitting the input channels into chunks that stay in the
    /// L1 cache, continuing from partial sums stored in the output, measured slower on these layers.
    /// </summary>
    private const int BandFloats = 1 << 16;

    public static void Run(SgemmKernelKind kind, DirectConvProblem p, ReadOnlySpan<float> source,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads) =>
        Run(kind, p, source, weight, bias, relu, output, threads, BandRows(p));

    /// <summary>Output channels per block of the micro-kernel for this kind.</summary>
    public static int BlockChannels(SgemmKernelKind kind) => kind switch
    {
        SgemmKernelKind.Avx512 => DirectConvForwardAvx512.Channels,
        SgemmKernelKind.Avx2 => DirectConvForwardAvx2.Channels,
        _ => 1,
    };

    /// <summary>
    /// Output rows per band: the band's padded input rows fit <see cref="BandFloats"/> (at least one row), and the
    /// bands of an image are as equal as whole rows allow, so none is a short remainder that pays a full halo.
    /// </summary>
    public static int BandRows(in DirectConvProblem p)
    {
        var most = Math.Clamp(BandFloats / Math.Max(1, p.CIn * p.Stride) - (p.KH - 1), 1, Math.Max(1, p.OutH));
        var bands = (p.OutH + most - 1) / most;
        return Math.Max(1, (p.OutH + bands - 1) / bands);
    }

    /// <summary>
    /// As <see cref="Run(SgemmKernelKind, DirectConvProblem, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, bool, Span{float}, int)"/>
    /// with <paramref name="band"/> output rows per item; the result is the same for any positive value.
    /// </summary>
    public static void Run(SgemmKernelKind kind, DirectConvProblem p, ReadOnlySpan<float> source,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu, Span<float> output, int threads, int band)
    {
        fixed (float* src = source)
        {
            fixed (float* dst = output)
            {
                Run(kind, p, ChannelPlanes.Whole(src), weight, bias, relu, ChannelPlanes.Whole(dst), threads, band);
            }
        }
    }

    /// <summary>
    /// As above, reading and writing channels where <paramref name="source"/> and <paramref name="output"/> say they
    /// lie; a split output must fall on a multiple of <see cref="BlockChannels"/>, since a block's planes are written
    /// one plane apart.
    /// </summary>
    public static void Run(SgemmKernelKind kind, DirectConvProblem p, ChannelPlanes source,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, bool relu, ChannelPlanes output, int threads, int band)
    {
        if (p.N == 0 || p.COut == 0 || p.OutH == 0 || p.OutW == 0) return;
        ArgumentOutOfRangeException.ThrowIfLessThan(band, 1);
        var r = BlockChannels(kind);
        var blocks = (p.COut + r - 1) / r;
        var packedLength = blocks * r * p.CIn * p.Taps;
        var packed = ArrayPool<float>.Shared.Rent(Math.Max(1, packedLength));
        var biasBlock = ArrayPool<float>.Shared.Rent(blocks * r);
        var bands = (p.OutH + band - 1) / band;
        var bandRows = band + p.KH - 1;
        var bandPlane = (nint)bandRows * p.Stride;
        try
        {
            fixed (float* w = weight, b = bias, pk = packed, bb = biasBlock)
            {
                DirectConvWeights.Pack(w, p.COut, p.CIn, p.KH, p.KW, r, p.Adjoint, pk);
                biasBlock.AsSpan(0, blocks * r).Clear();
                bias.CopyTo(biasBlock);
                var (packAt, biasAt) = ((nint)pk, bias.IsEmpty ? 0 : (nint)bb);
                var outPlane = (nint)p.OutH * p.OutW;
                CpuParallel.For(p.N * bands, threads, checked((int)(p.CIn * bandPlane)), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (item, scratch) =>
                {
                    var (n, y0) = (item / bands, item % bands * band);
                    var rows = Math.Min(band, p.OutH - y0);
                    fixed (float* padded = scratch)
                    {
                        source.CopyPadded(n, p.CIn, p.InH, p.InW, p.Top - y0, p.Left, padded, bandRows, p.Stride);
                        for (var block = 0; block < blocks; block++)
                        {
                            var job = new DirectConvForwardJob(kind, p, r, block, padded, bandPlane,
                                (float*)packAt + (nint)block * r * p.CIn * p.Taps,
                                biasAt == 0 ? null : (float*)biasAt + block * r,
                                output.Plane(n, block * r, p.COut, outPlane) + (nint)y0 * p.OutW,
                                relu);
                            job.Run(rows);
                        }
                    }
                });
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(biasBlock);
            ArrayPool<float>.Shared.Return(packed);
        }
    }
}
