using System.Runtime.CompilerServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// One block of <see cref="DirectConvWeightGrad"/>: output channels [co0, co0 + r) × input channels
/// [ci0, ci0 + c). Channels past the end are read as the last valid channel and their sums discarded, so the
/// micro-kernel always runs its full block.
/// </summary>
internal readonly unsafe struct DirectConvWeightGradJob(SgemmKernelKind kind, DirectConvProblem p, int r, int c,
    int lanes, int co0, int ci0, float* gradOutput)
{
    /// <summary>Output channels, input channels and lanes of the accumulator block the micro-kernel for this kernel width keeps.</summary>
    public static (int R, int C, int Lanes) Block(SgemmKernelKind kind, int kw) => kind switch
    {
        SgemmKernelKind.Avx512 when kw == 3 => (DirectConvWeightGradAvx512Row3.OutChannels,
            DirectConvWeightGradAvx512Row3.InChannels, DirectConvWeightGradAvx512Row3.Lanes),
        SgemmKernelKind.Avx512 => (DirectConvWeightGradAvx512.OutChannels, DirectConvWeightGradAvx512.InChannels,
            DirectConvWeightGradAvx512.Lanes),
        SgemmKernelKind.Avx2 when kw == 3 => (DirectConvWeightGradAvx2Row3.OutChannels,
            DirectConvWeightGradAvx2Row3.InChannels, DirectConvWeightGradAvx2Row3.Lanes),
        SgemmKernelKind.Avx2 => (DirectConvWeightGradAvx2.OutChannels, DirectConvWeightGradAvx2.InChannels,
            DirectConvWeightGradAvx2.Lanes),
        _ => (1, 1, 1),
    };

    /// <summary>
    /// Adds output rows [y0, y0 + rows) of image n to the lane-wise partial sums at <paramref name="acc"/>.
    /// <paramref name="padded"/> holds the zero-bordered input rows of this band, one plane of
    /// <paramref name="plane"/> floats per input channel, starting at padded row y0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Band(float* acc, int n, int y0, int rows, float* padded, nint plane)
    {
        var block = r * c * lanes;
        var g = stackalloc nint[4];
        var x = stackalloc nint[4];
        for (var j = 0; j < r; j++) g[j] = (nint)(Gradient(n, j) + (nint)y0 * p.OutW);
        for (var j = 0; j < c; j++) x[j] = (nint)Input(padded, plane, j);
        if (p.KW == 3 && kind is SgemmKernelKind.Avx512 or SgemmKernelKind.Avx2)
        {
            // The three-tap kernels take a whole kernel row at a time.
            for (var ky = 0; ky < p.KH; ky++)
            {
                var x0 = (float*)x[0] + ((nint)ky * p.Stride);
                var x1 = (float*)x[1] + ((nint)ky * p.Stride);
                var at = acc + ky * p.KW * block;
                if (kind == SgemmKernelKind.Avx512)
                    DirectConvWeightGradAvx512Row3.Run((float*)g[0], (float*)g[1], (float*)g[2], (float*)g[3],
                        p.OutW, x0, x1, p.Stride, rows, p.OutW, at);
                else
                    DirectConvWeightGradAvx2Row3.Run((float*)g[0], (float*)g[1], p.OutW, x0, x1, p.Stride, rows, p.OutW, at);
            }
            return;
        }
        for (var ky = 0; ky < p.KH; ky++)
        for (var kx = 0; kx < p.KW; kx++)
        {
            var shift = (nint)ky * p.Stride + kx;
            Tap(g, x, shift, rows, acc + (ky * p.KW + kx) * block);
        }
    }

    /// <summary>Whether <see cref="BandUnpadded"/> can run this problem with this kernel.</summary>
    public static bool RunsUnpadded(SgemmKernelKind kind, in DirectConvProblem p) =>
        kind == SgemmKernelKind.Avx512 && p.KW == 3 && p.Left == 1 && p.OutW == p.InW
        && DirectConvWeightGradAvx512Row3Unpadded.Fits(p.OutW);

    /// <summary>
    /// As <see cref="Band"/>, reading the input rows of image n where <paramref name="source"/> has them, for
    /// problems that <see cref="RunsUnpadded"/> or <see cref="RunsSingle"/> accepts. For each kernel row only the output rows whose input row lies
    /// inside the image are summed: the others would only add zeros.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BandUnpadded(float* acc, int n, int y0, int rows, ChannelPlanes source)
    {
        var block = r * c * lanes;
        var inPlane = (nint)p.InH * p.InW;
        float* g0 = Gradient(n, 0), g1 = Gradient(n, 1), g2 = Gradient(n, 2), g3 = Gradient(n, 3);
        float* x0 = source.Plane(n, Math.Min(ci0, p.CIn - 1), p.CIn, inPlane);
        float* x1 = source.Plane(n, Math.Min(ci0 + 1, p.CIn - 1), p.CIn, inPlane);
        for (var ky = 0; ky < p.KH; ky++)
        {
            var from = Math.Max(y0, p.Top - ky);
            var to = Math.Min(y0 + rows, p.InH + p.Top - ky);
            if (from >= to) continue;
            var gAt = (nint)from * p.OutW;
            var xAt = (nint)(from + ky - p.Top) * p.InW - 1;
            if (p.OutW == DirectConvWeightGradAvx512Row3.Lanes)
                DirectConvWeightGradAvx512Row3Single.Run(g0 + gAt, g1 + gAt, g2 + gAt, g3 + gAt, p.OutW, x0 + xAt,
                    x1 + xAt, p.InW, to - from, acc + ky * p.KW * block);
            else
                DirectConvWeightGradAvx512Row3Unpadded.Run(g0 + gAt, g1 + gAt, g2 + gAt, g3 + gAt, p.OutW, x0 + xAt,
                    x1 + xAt, p.InW, to - from, p.OutW, acc + ky * p.KW * block);
        }
    }

    /// <summary>Whether <see cref="AllImages"/> can run this problem with this kernel: rows one vector wide.</summary>
    public static bool RunsSingle(SgemmKernelKind kind, in DirectConvProblem p) =>
        kind == SgemmKernelKind.Avx512 && p.KW == 3 && p.Left == 1 && p.OutW == p.InW
        && p.OutW == DirectConvWeightGradAvx512Row3.Lanes;

    /// <summary>
    /// Adds every output row of every image to the lane-wise partial sums at <paramref name="acc"/>, reading the
    /// input where <paramref name="source"/> has it, for problems that <see cref="RunsSingle"/> accepts. Per kernel
    /// row the images are summed in order, each over the rows whose input row lies inside it: the same sums in the
    /// same order as image by image on padded copies, whose border only adds zeros.
    /// </summary>
    public void AllImages(float* acc, ChannelPlanes source)
    {
        // Image by image, all kernel rows of one image before the next: an image's rows of the block's channels
        // (6 KiB) then serve the three kernel rows from the L1 cache; kernel row by kernel row over the whole batch
        // (48 KiB) read them from L2 three times and measured 20-25% slower. The block's sums stay in L1 throughout.
        for (var n = 0; n < p.N; n++) BandUnpadded(acc, n, 0, p.OutH, source);
    }

    /// <summary>Image n of the block's output channel j (the last valid channel past the end) in the output gradient.</summary>
    private float* Gradient(int n, int j) =>
        gradOutput + ((nint)n * p.COut + Math.Min(co0 + j, p.COut - 1)) * p.OutH * p.OutW;

    /// <summary>The block's input channel j (the last valid channel past the end) among planes of <paramref name="plane"/> floats.</summary>
    private float* Input(float* planes, nint plane, int j) => planes + Math.Min(ci0 + j, p.CIn - 1) * plane;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Tap(nint* g, nint* x, nint shift, int rows, float* a)
    {
        var (gRow, xRow) = ((nint)p.OutW, (nint)p.Stride);
        switch (kind)
        {
            case SgemmKernelKind.Avx512:
                DirectConvWeightGradAvx512.Run((float*)g[0], (float*)g[1], (float*)g[2], (float*)g[3], gRow,
                    (float*)x[0] + shift, (float*)x[1] + shift, (float*)x[2] + shift, (float*)x[3] + shift, xRow,
                    rows, p.OutW, a);
                break;
            case SgemmKernelKind.Avx2:
                DirectConvWeightGradAvx2.Run((float*)g[0], (float*)g[1], (float*)g[2], (float*)g[3], gRow,
                    (float*)x[0] + shift, (float*)x[1] + shift, xRow, rows, p.OutW, a);
                break;
            default:
                DirectConvWeightGradScalar.Run((float*)g[0], gRow, (float*)x[0] + shift, xRow, rows, p.OutW, a);
                break;
        }
    }

    /// <summary>Sums each accumulator's lanes in lane order into dW[co][ci][tap].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Reduce(float* acc, float* gradWeight)
    {
        var block = r * c * lanes;
        for (var i = 0; i < r && co0 + i < p.COut; i++)
        for (var j = 0; j < c && ci0 + j < p.CIn; j++)
        for (var t = 0; t < p.Taps; t++)
        {
            var lane = acc + t * block + (i * c + j) * lanes;
            var sum = 0f;
            for (var l = 0; l < lanes; l++) sum += lane[l];
            gradWeight[((nint)(co0 + i) * p.CIn + ci0 + j) * p.Taps + t] = sum;
        }
    }
}
