using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Weight gradient of a stride-1 convolution without im2col: dW[co][ci][ky][kx] = Σ_n Σ_y Σ_x g[n][co][y][x] ·
/// in_pad[n][ci][y + ky][x + kx]. Blocks are (output block, input block) pairs; each keeps lane-wise partial sums
/// per tap, runs over images then bands of rows in a fixed order, and reduces the lanes at the end, so the result does
/// not depend on the thread count. A worker takes a contiguous range of blocks and runs all of them on one band before
/// the next: the band's gradient and input rows are then read from memory once and reused from cache by every block,
/// where a block-by-block sweep would stream the whole batch again for each block. The zero-bordered input rows of a
/// band are built in the worker's scratch just before use, so no padded copy of the batch goes out to memory. Where the
/// AVX-512 three-tap kernel can mask the border itself (<see cref="DirectConvWeightGradJob.RunsUnpadded"/>) it reads
/// the input's own rows and nothing is copied: the U-Net's 32–128-pixel layers ran 7–13% faster that way
/// (same-process A/B, one thread), 16 → 16 on 128² level.
/// </summary>
internal static unsafe class DirectConvWeightGrad
{
    /// <summary>Pixels per band of rows: the band's gradient and input rows stay in the L1 cache across the taps.</summary>
    private const int BandPixels = 1024;

    /// <summary>
    /// Overwrites <paramref name="gradWeight"/> and, unless it is empty, <paramref name="gradBias"/>: each output
    /// channel's bias gradient is summed band by band, in image and band order, by the worker whose blocks read that
    /// band while it is still in cache.
    /// </summary>
    public static void Run(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> input, Span<float> gradWeight, Span<float> gradBias, int threads) =>
        Run(kind, s, gradOutput, input, gradWeight, gradBias, threads, unpaddedRows: true);

    /// <summary>
    /// As <see cref="Run(SgemmKernelKind, in ConvShape, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float}, int)"/>;
    /// without <paramref name="unpaddedRows"/> every band is copied with its zero border even where the kernel could
    /// read the input's own rows, which gives the same bits.
    /// </summary>
    internal static void Run(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> input, Span<float> gradWeight, Span<float> gradBias, int threads, bool unpaddedRows)
    {
        fixed (float* x = input)
        {
            Run(kind, s, gradOutput, ChannelPlanes.Whole(x), gradWeight, gradBias, threads, unpaddedRows);
        }
    }

    /// <summary>As above, reading the input's channels from where <paramref name="input"/> says they lie.</summary>
    internal static void Run(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ChannelPlanes input, Span<float> gradWeight, Span<float> gradBias, int threads, bool unpaddedRows)
    {
        var (r, c, lanes) = DirectConvWeightGradJob.Block(kind, s.KW);
        gradBias.Clear();
        if (s.N == 0 || s.OutH == 0 || s.OutW == 0)
        {
            gradWeight.Clear();
            return;
        }
        var p = new DirectConvProblem(s.N, s.Cin, s.H, s.W, s.PadH, s.PadW, s.Cout, s.OutH, s.OutW, s.KH, s.KW, false);
        var (outBlocks, inBlocks) = ((s.Cout + r - 1) / r, (s.Cin + c - 1) / c);
        var accLength = p.Taps * r * c * lanes;
        var items = outBlocks * inBlocks;
        var groups = Math.Min(Math.Max(1, threads), items);
        // Never more rows than the image has: a band's padded rows are cleared in full before each copy.
        var band = Math.Clamp(BandPixels / p.OutW, 1, p.OutH);
        var bandRows = band + p.KH - 1;
        var bandPlane = (nint)bandRows * p.Stride;
        var perGroup = (items + groups - 1) / groups * accLength;
        var unpadded = unpaddedRows && DirectConvWeightGradJob.RunsUnpadded(kind, p);
        var single = unpaddedRows && DirectConvWeightGradJob.RunsSingle(kind, p);
        fixed (float* g = gradOutput, dw = gradWeight, db = gradBias)
        {
            var (gAt, dwAt, dbAt) = ((nint)g, (nint)dw, (nint)db);
            CpuParallel.For(groups, threads, checked(perGroup + (unpadded || single ? 0 : (int)(p.CIn * bandPlane))), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (group, scratch) =>
            {
                var (first, last) = ((int)((long)items * group / groups), (int)((long)items * (group + 1) / groups));
                fixed (float* acc = scratch)
                {
                    var padded = acc + perGroup;
                    new Span<float>(acc, (last - first) * accLength).Clear();
                    if (single)
                    {
                        for (var item = first; item < last; item++)
                        {
                            var job = new DirectConvWeightGradJob(kind, p, r, c, lanes, item / inBlocks * r,
                                item % inBlocks * c, (float*)gAt);
                            job.AllImages(acc + (item - first) * accLength, input);
                            if (dbAt != 0 && item % inBlocks == 0)
                                for (var n = 0; n < p.N; n++)
                                    for (var y0 = 0; y0 < p.OutH; y0 += band)
                                        SumBand((float*)gAt, (float*)dbAt, p, item / inBlocks * r, r, n, y0,
                                            Math.Min(band, p.OutH - y0));
                        }
                    }
                    else
                    {
                        for (var n = 0; n < p.N; n++)
                        {
                            for (var y0 = 0; y0 < p.OutH; y0 += band)
                            {
                                var rows = Math.Min(band, p.OutH - y0);
                                if (!unpadded)
                                    input.CopyPadded(n, p.CIn, p.InH, p.InW, p.Top - y0, p.Left, padded, bandRows, p.Stride);
                                for (var item = first; item < last; item++)
                                {
                                    var job = new DirectConvWeightGradJob(kind, p, r, c, lanes, item / inBlocks * r,
                                        item % inBlocks * c, (float*)gAt);
                                    if (unpadded)
                                        job.BandUnpadded(acc + (item - first) * accLength, n, y0, rows, input);
                                    else
                                        job.Band(acc + (item - first) * accLength, n, y0, rows, padded, bandPlane);
                                    if (dbAt != 0 && item % inBlocks == 0)
                                        SumBand((float*)gAt, (float*)dbAt, p, item / inBlocks * r, r, n, y0, rows);
                                }
                            }
                        }
                    }
                    for (var item = first; item < last; item++)
                    {
                        var job = new DirectConvWeightGradJob(kind, p, r, c, lanes, item / inBlocks * r,
                            item % inBlocks * c, (float*)gAt);
                        job.Reduce(acc + (item - first) * accLength, (float*)dwAt);
                    }
                }
            });
        }
    }

    /// <summary>Adds rows [y0, y0 + rows) of image n of output channels [co0, co0 + r) to their bias gradients.</summary>
    private static void SumBand(float* gradOutput, float* gradBias, in DirectConvProblem p, int co0, int r, int n,
        int y0, int rows)
    {
        var length = rows * p.OutW;
        for (var co = co0; co < Math.Min(co0 + r, p.COut); co++)
        {
            var band = gradOutput + ((nint)n * p.COut + co) * p.OutH * p.OutW + (nint)y0 * p.OutW;
            gradBias[co] += Sum(band, length);
        }
    }

    /// <summary>
    /// Σ of <paramref name="length"/> floats in four AVX-512 partial sums when the machine has them: a band of one
    /// channel is only a few hundred to a few thousand values, where the library sum's set-up and 256-bit lanes cost
    /// several times the additions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Sum(float* x, int length)
    {
        if (!Avx512F.IsSupported || length < 64) return TensorPrimitives.Sum(new ReadOnlySpan<float>(x, length));
        var (s0, s1, s2, s3) = (Vector512<float>.Zero, Vector512<float>.Zero, Vector512<float>.Zero, Vector512<float>.Zero);
        var i = 0;
        for (; i <= length - 64; i += 64)
        {
            s0 += Vector512.Load(x + i);
            s1 += Vector512.Load(x + i + 16);
            s2 += Vector512.Load(x + i + 32);
            s3 += Vector512.Load(x + i + 48);
        }
        for (; i <= length - 16; i += 16) s0 += Vector512.Load(x + i);
        var total = Vector512.Sum((s0 + s1) + (s2 + s3));
        for (; i < length; i++) total += x[i];
        return total;
    }
}
