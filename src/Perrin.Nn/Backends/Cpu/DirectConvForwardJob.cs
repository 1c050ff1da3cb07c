using System.Runtime.CompilerServices;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// One block of output channels of one band of <see cref="DirectConvForward"/>, swept row by row in segments of at
/// most three vectors (balanced, so a 128-pixel row is 3+3+2 vectors rather than 3+3+3 with waste).
/// </summary>
internal readonly unsafe struct DirectConvForwardJob(SgemmKernelKind kind, DirectConvProblem p, int r, int block,
    float* input, nint inputPlane, float* weight, float* bias, float* output, bool relu)
{
    private const int MaxVectors = 3;

    /// <summary>Computes output rows [0, rows) of the band from its padded input rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(int rows)
    {
        var plane = (nint)p.OutH * p.OutW;
        var channels = Math.Min(r, p.COut - block * r);
        if (kind == SgemmKernelKind.Scalar)
        {
            for (var y = 0; y < rows; y++)
                DirectConvForwardScalar.Run(input + (nint)y * p.Stride, inputPlane, p.Stride, p.CIn, p.KH, p.KW,
                    weight, output + (nint)y * p.OutW, p.OutW, bias == null ? 0f : *bias, relu);
            return;
        }
        var lanes = kind == SgemmKernelKind.Avx512 ? DirectConvForwardAvx512.Lanes : DirectConvForwardAvx2.Lanes;
        var vectors = (p.OutW + lanes - 1) / lanes;
        var segments = (vectors + MaxVectors - 1) / MaxVectors;
        for (var y = 0; y < rows; y++)
        {
            var x0 = 0;
            for (var s = 0; s < segments; s++)
            {
                var v = vectors / segments + (s < vectors % segments ? 1 : 0);
                var valid = Math.Min(v * lanes, p.OutW - x0);
                Segment(v, input + (nint)y * p.Stride + x0, output + (nint)y * p.OutW + x0, plane, channels, valid);
                x0 += v * lanes;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Segment(int v, float* src, float* dst, nint plane, int rows, int valid)
    {
        var (pp, st) = (inputPlane, (nint)p.Stride);
        if (kind == SgemmKernelKind.Avx512)
        {
            switch (v)
            {
                case 1: DirectConvForwardAvx512.Run<DirectConvWidthOne>(src, pp, st, p.CIn, p.KH, p.KW, weight, dst, plane, rows, valid, bias, relu); break;
                case 2: DirectConvForwardAvx512.Run<DirectConvWidthTwo>(src, pp, st, p.CIn, p.KH, p.KW, weight, dst, plane, rows, valid, bias, relu); break;
                default: DirectConvForwardAvx512.Run<DirectConvWidthThree>(src, pp, st, p.CIn, p.KH, p.KW, weight, dst, plane, rows, valid, bias, relu); break;
            }
            return;
        }
        switch (v)
        {
            case 1: DirectConvForwardAvx2.Run<DirectConvWidthOne>(src, pp, st, p.CIn, p.KH, p.KW, weight, dst, plane, rows, valid, bias, relu); break;
            case 2: DirectConvForwardAvx2.Run<DirectConvWidthTwo>(src, pp, st, p.CIn, p.KH, p.KW, weight, dst, plane, rows, valid, bias, relu); break;
            default: DirectConvForwardAvx2.Run<DirectConvWidthThree>(src, pp, st, p.CIn, p.KH, p.KW, weight, dst, plane, rows, valid, bias, relu); break;
        }
    }
}
