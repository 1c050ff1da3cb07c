namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// One work item of <see cref="DirectConvWeightGrad"/>: output channels [co0, co0 + r) × input channels
/// [ci0, ci0 + c). Channels past the end are read as the last valid channel and their sums discarded, so the
/// micro-kernel always runs its full block.
/// </summary>
internal readonly unsafe struct DirectConvWeightGradJob(SgemmKernelKind kind, DirectConvProblem p, int r, int c,
    int lanes, int co0, int ci0, float* gradOutput, float* padded)
{
    public void Run(float* acc, float* gradWeight, int bandPixels)
    {
        var block = r * c * lanes;
        new Span<float>(acc, p.Taps * block).Clear();
        var band = Math.Max(1, bandPixels / p.OutW);
        var outPlane = (nint)p.OutH * p.OutW;
        var g = stackalloc nint[4];
        var x = stackalloc nint[4];
        for (var n = 0; n < p.N; n++)
        {
            for (var y0 = 0; y0 < p.OutH; y0 += band)
            {
                var rows = Math.Min(band, p.OutH - y0);
                for (var j = 0; j < r; j++)
                    g[j] = (nint)(gradOutput + ((nint)n * p.COut + Math.Min(co0 + j, p.COut - 1)) * outPlane + (nint)y0 * p.OutW);
                for (var j = 0; j < c; j++)
                    x[j] = (nint)(padded + ((nint)n * p.CIn + Math.Min(ci0 + j, p.CIn - 1)) * p.PaddedPlane + (nint)y0 * p.Stride);
                for (var ky = 0; ky < p.KH; ky++)
                for (var kx = 0; kx < p.KW; kx++)
                {
                    var shift = (nint)ky * p.Stride + kx;
                    var a = acc + (ky * p.KW + kx) * block;
                    Tap(g, x, shift, rows, a);
                }
            }
        }
        Reduce(acc, gradWeight);
    }

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
    private void Reduce(float* acc, float* gradWeight)
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
