namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Shapes of a 2D pooling with PyTorch semantics (ceil_mode false): input [N, C, H, W], output [N, C, OutH, OutW]
/// with OutH = ⌊(H + 2·padH − dilationH·(KH − 1) − 1) / strideH⌋ + 1. Padding may be at most half the kernel.
/// </summary>
public sealed record Pool2dGeometry
{
    public Pool2dGeometry(int batch, int channels, int height, int width, int kernelH, int kernelW, int strideH, int strideW,
        int padH = 0, int padW = 0, int dilationH = 1, int dilationW = 1)
    {
        var what = $"Pool2d: input [{batch}, {channels}, {height}, {width}], kernel {kernelH}×{kernelW}, stride ({strideH}, {strideW}), padding ({padH}, {padW}), dilation ({dilationH}, {dilationW})";
        if (batch < 0 || channels < 1 || height < 1 || width < 1)
            throw new ArgumentException($"{what}: batch must be non-negative and channels and spatial sizes positive.");
        if (kernelH < 1 || kernelW < 1 || strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1)
            throw new ArgumentException($"{what}: kernel sizes, strides and dilations must be positive.");
        if (padH < 0 || padW < 0 || padH > kernelH / 2 || padW > kernelW / 2)
            throw new ArgumentException($"{what}: padding must be non-negative and at most half the kernel size.");
        var spanH = (long)height + 2L * padH - (long)dilationH * (kernelH - 1) - 1;
        var spanW = (long)width + 2L * padW - (long)dilationW * (kernelW - 1) - 1;
        if (spanH < 0 || spanW < 0)
            throw new ArgumentException($"{what}: the padded input is smaller than the dilated kernel.");
        if ((long)batch * channels * height * width > int.MaxValue)
            throw new ArgumentException($"{what}: the input is too large (more than {int.MaxValue} elements).");
        N = batch; C = channels; H = height; W = width; KH = kernelH; KW = kernelW; StrideH = strideH; StrideW = strideW;
        PadH = padH; PadW = padW; DilationH = dilationH; DilationW = dilationW;
        OutH = (int)(spanH / strideH + 1);
        OutW = (int)(spanW / strideW + 1);
    }

    public int N { get; }
    public int C { get; }
    public int H { get; }
    public int W { get; }
    public int KH { get; }
    public int KW { get; }
    public int StrideH { get; }
    public int StrideW { get; }
    public int PadH { get; }
    public int PadW { get; }
    public int DilationH { get; }
    public int DilationW { get; }
    public int OutH { get; }
    public int OutW { get; }

    public int InputLength => N * C * H * W;
    public int OutputLength => N * C * OutH * OutW;

    internal bool IsTwoByTwo => KH == 2 && KW == 2 && StrideH == 2 && StrideW == 2 && PadH == 0 && PadW == 0
        && DilationH == 1 && DilationW == 1;

    internal string InputDims => KernelChecks.Dims(N, C, H, W);
    internal string OutputDims => KernelChecks.Dims(N, C, OutH, OutW);

    public override string ToString() =>
        $"Pool2d [{N}, {C}, {H}, {W}] → [{N}, {C}, {OutH}, {OutW}], kernel {KH}×{KW}, stride ({StrideH}, {StrideW}), padding ({PadH}, {PadW}), dilation ({DilationH}, {DilationW})";
}
