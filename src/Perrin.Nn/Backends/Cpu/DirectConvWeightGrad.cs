using System.Buffers;
using System.Numerics.Tensors;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Weight gradient of a stride-1 convolution without im2col: dW[co][ci][ky][kx] = Σ_n Σ_y Σ_x g[n][co][y][x] ·
/// in_pad[n][ci][y + ky][x + kx]. Blocks are (output block, input block) pairs; each keeps lane-wise partial sums
/// per tap, runs over images then bands of rows in a fixed order, and reduces the lanes at the end, so the result does
/// not depend on the thread count. A worker takes a contiguous range of blocks and runs all of them on one band
/// before the next: the band's gradient and input rows are then read from memory once and reused from cache by every
/// block, where a block-by-block sweep would stream the whole batch again for each block.
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
        ReadOnlySpan<float> input, Span<float> gradWeight, Span<float> gradBias, int threads)
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
        float[]? padded = null;
        try
        {
            fixed (float* g = gradOutput, x = input, dw = gradWeight, db = gradBias)
            {
                padded = DirectConv.PadImages(x, p.N, p.CIn, p.InH, p.InW, p.Top, p.Left, p.Rows, p.Stride, threads);
                fixed (float* pad = padded)
                {
                    var (gAt, padAt, dwAt, dbAt) = ((nint)g, (nint)pad, (nint)dw, (nint)db);
                    var items = outBlocks * inBlocks;
                    var groups = Math.Min(Math.Max(1, threads), items);
                    var band = Math.Max(1, BandPixels / p.OutW);
                    CpuParallel.For(groups, threads, (items + groups - 1) / groups * accLength, (group, scratch) =>
                    {
                        var (first, last) = ((int)((long)items * group / groups), (int)((long)items * (group + 1) / groups));
                        fixed (float* acc = scratch)
                        {
                            new Span<float>(acc, (last - first) * accLength).Clear();
                            for (var n = 0; n < p.N; n++)
                            {
                                for (var y0 = 0; y0 < p.OutH; y0 += band)
                                {
                                    var rows = Math.Min(band, p.OutH - y0);
                                    for (var item = first; item < last; item++)
                                    {
                                        var job = new DirectConvWeightGradJob(kind, p, r, c, lanes, item / inBlocks * r,
                                            item % inBlocks * c, (float*)gAt, (float*)padAt);
                                        job.Band(acc + (item - first) * accLength, n, y0, rows);
                                        if (dbAt != 0 && item % inBlocks == 0)
                                            SumBand((float*)gAt, (float*)dbAt, p, item / inBlocks * r, r, n, y0, rows);
                                    }
                                }
                            }
                            for (var item = first; item < last; item++)
                            {
                                var job = new DirectConvWeightGradJob(kind, p, r, c, lanes, item / inBlocks * r,
                                    item % inBlocks * c, (float*)gAt, (float*)padAt);
                                job.Reduce(acc + (item - first) * accLength, (float*)dwAt);
                            }
                        }
                    });
                }
            }
        }
        finally
        {
            if (padded != null) ArrayPool<float>.Shared.Return(padded);
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
            gradBias[co] += TensorPrimitives.Sum(new ReadOnlySpan<float>(band, length));
        }
    }
}
