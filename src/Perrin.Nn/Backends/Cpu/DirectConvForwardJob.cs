namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// One block of output channels of one band of <see cref="DirectConvForward"/>, swept row by row in segments of at
/// most three vectors (balanced, so a 128-pixel row is 3+3+2 vectors rather than 3+3+3 with waste). The input
/// channels go in chunks, each over all rows of the band: a chunk continues from the partial sums the one before
/// stored in the output, which is the same chain of fused multiply-adds as one pass over all channels.
/// </summary>
internal readonly unsafe struct DirectConvForwardJob(SgemmKernelKind kind, DirectConvProblem p, int r, int block,
    float* input, nint inputPlane, float* weight, float* bias, float* output, bool relu)
{
    private const int MaxVectors = 3;

    /// <summary>Computes output rows [0, rows) of the band from its padded input rows, <paramref name="chunk"/> input channels at a time.</summary>
    public void Run(int rows, int chunk)
    {
        var plane = (nint)p.OutH * p.OutW;
        var channels = Math.Min(r, p.COut - block * r);
        for (var c0 = 0; c0 < p.CIn; c0 += chunk)
        {
            var count = Math.Min(chunk, p.CIn - c0);
            var pass = new DirectConvPass(input + c0 * inputPlane, weight + (nint)c0 * p.Taps * r, count, c0 > 0,
                c0 + count == p.CIn);
            for (var y = 0; y < rows; y++) Row(pass, y, plane, channels);
        }
    }

    private void Row(in DirectConvPass pass, int y, nint plane, int channels)
    {
        var src = pass.Input + (nint)y * p.Stride;
        var dst = output + (nint)y * p.OutW;
        if (kind == SgemmKernelKind.Scalar)
        {
            DirectConvForwardScalar.Run(src, inputPlane, p.Stride, pass.Channels, p.KH, p.KW, pass.Weight, dst,
                p.OutW, pass.Continue, pass.Final, bias == null ? 0f : *bias, relu);
            return;
        }
        var lanes = kind == SgemmKernelKind.Avx512 ? DirectConvForwardAvx512.Lanes : DirectConvForwardAvx2.Lanes;
        var vectors = (p.OutW + lanes - 1) / lanes;
        var segments = (vectors + MaxVectors - 1) / MaxVectors;
        var x0 = 0;
        for (var s = 0; s < segments; s++)
        {
            var v = vectors / segments + (s < vectors % segments ? 1 : 0);
            var valid = Math.Min(v * lanes, p.OutW - x0);
            Segment(pass, v, src + x0, dst + x0, plane, channels, valid);
            x0 += v * lanes;
        }
    }

    private void Segment(in DirectConvPass pass, int v, float* src, float* dst, nint plane, int rows, int valid)
    {
        var st = (nint)p.Stride;
        var w = pass.Weight;
        var (c, more, last) = (pass.Channels, pass.Continue, pass.Final);
        if (kind == SgemmKernelKind.Avx512)
        {
            switch (v)
            {
                case 1: DirectConvForwardAvx512.Run<DirectConvWidthOne>(src, inputPlane, st, c, p.KH, p.KW, w, dst, plane, rows, valid, more, last, bias, relu); break;
                case 2: DirectConvForwardAvx512.Run<DirectConvWidthTwo>(src, inputPlane, st, c, p.KH, p.KW, w, dst, plane, rows, valid, more, last, bias, relu); break;
                default: DirectConvForwardAvx512.Run<DirectConvWidthThree>(src, inputPlane, st, c, p.KH, p.KW, w, dst, plane, rows, valid, more, last, bias, relu); break;
            }
            return;
        }
        switch (v)
        {
            case 1: DirectConvForwardAvx2.Run<DirectConvWidthOne>(src, inputPlane, st, c, p.KH, p.KW, w, dst, plane, rows, valid, more, last, bias, relu); break;
            case 2: DirectConvForwardAvx2.Run<DirectConvWidthTwo>(src, inputPlane, st, c, p.KH, p.KW, w, dst, plane, rows, valid, more, last, bias, relu); break;
            default: DirectConvForwardAvx2.Run<DirectConvWidthThree>(src, inputPlane, st, c, p.KH, p.KW, w, dst, plane, rows, valid, more, last, bias, relu); break;
        }
    }
}
