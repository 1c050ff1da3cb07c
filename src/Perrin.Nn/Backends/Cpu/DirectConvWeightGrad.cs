using System.Buffers;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Weight gradient of a stride-1 convolution without im2col: dW[co][ci][ky][kx] = Σ_n Σ_y Σ_x g[n][co][y][x] ·
/// in_pad[n][ci][y + ky][x + kx]. Work items are (output block, input block) pairs; each keeps lane-wise partial sums
/// per tap, runs over images then bands of rows in a fixed order, and reduces the lanes at the end, so the result does
/// not depend on the thread count.
/// </summary>
internal static unsafe class DirectConvWeightGrad
{
    /// <summary>Pixels per band of rows: the band's gradient and input rows stay in the L1 cache across the taps.</summary>
    private const int BandPixels = 512;

    public static void Run(SgemmKernelKind kind, in ConvShape s, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> input, Span<float> gradWeight, int threads)
    {
        var (r, c, lanes) = kind switch
        {
            SgemmKernelKind.Avx512 => (DirectConvWeightGradAvx512.OutChannels, DirectConvWeightGradAvx512.InChannels, DirectConvWeightGradAvx512.Lanes),
            SgemmKernelKind.Avx2 => (DirectConvWeightGradAvx2.OutChannels, DirectConvWeightGradAvx2.InChannels, DirectConvWeightGradAvx2.Lanes),
            _ => (1, 1, 1),
        };
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
            fixed (float* g = gradOutput, x = input, dw = gradWeight)
            {
                padded = DirectConv.PadImages(x, p.N, p.CIn, p.InH, p.InW, p.Top, p.Left, p.Rows, p.Stride, threads);
                fixed (float* pad = padded)
                {
                    var (gAt, padAt, dwAt) = ((nint)g, (nint)pad, (nint)dw);
                    CpuParallel.For(outBlocks * inBlocks, threads, accLength, (item, scratch) =>
                    {
                        var job = new DirectConvWeightGradJob(kind, p, r, c, lanes, item / inBlocks * r,
                            item % inBlocks * c, (float*)gAt, (float*)padAt);
                        fixed (float* acc = scratch) job.Run(acc, (float*)dwAt, BandPixels);
                    });
                }
            }
        }
        finally
        {
            if (padded != null) ArrayPool<float>.Shared.Return(padded);
        }
    }
}
