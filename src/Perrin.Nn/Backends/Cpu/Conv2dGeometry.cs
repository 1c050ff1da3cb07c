namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Shapes of a 2D convolution with PyTorch semantics: input [N, Cin, H, W], weight [Cout, Cin/groups, KH, KW],
/// output [N, Cout, OutH, OutW] with OutH = ⌊(H + 2·padH − dilationH·(KH − 1) − 1) / strideH⌋ + 1.
/// A 1D convolution is the case H = 1, KH = 1.
/// </summary>
public sealed record Conv2dGeometry
{
    public Conv2dGeometry(int batch, int inChannels, int height, int width, int outChannels, int kernelH, int kernelW,
        int strideH = 1, int strideW = 1, int padH = 0, int padW = 0, int dilationH = 1, int dilationW = 1, int groups = 1)
    {
        var what = $"Conv2d: input [{batch}, {inChannels}, {height}, {width}], weight [{outChannels}, {(groups > 0 ? inChannels / groups : inChannels)}, {kernelH}, {kernelW}], stride ({strideH}, {strideW}), padding ({padH}, {padW}), dilation ({dilationH}, {dilationW}), groups {groups}";
        ConvGeometryChecks.Validate(what, batch, inChannels, height, width, outChannels, kernelH, kernelW,
            strideH, strideW, padH, padW, dilationH, dilationW, groups);
        N = batch; Cin = inChannels; H = height; W = width; Cout = outChannels; KH = kernelH; KW = kernelW;
        StrideH = strideH; StrideW = strideW; PadH = padH; PadW = padW; DilationH = dilationH; DilationW = dilationW;
        Groups = groups;
        var outH = ((long)height + 2L * padH - (long)dilationH * (kernelH - 1) - 1) / strideH + 1;
        var outW = ((long)width + 2L * padW - (long)dilationW * (kernelW - 1) - 1) / strideW + 1;
        if ((long)height + 2L * padH - (long)dilationH * (kernelH - 1) - 1 < 0 || (long)width + 2L * padW - (long)dilationW * (kernelW - 1) - 1 < 0)
            throw new ArgumentException($"{what}: the padded input is smaller than the dilated kernel.");
        ConvGeometryChecks.CheckSizes(what, batch, inChannels, height, width, outChannels, outH, outW, (long)inChannels / groups * kernelH * kernelW);
        OutH = (int)outH;
        OutW = (int)outW;
    }

    public int N { get; }
    public int Cin { get; }
    public int H { get; }
    public int W { get; }
    public int Cout { get; }
    public int KH { get; }
    public int KW { get; }
    public int StrideH { get; }
    public int StrideW { get; }
    public int PadH { get; }
    public int PadW { get; }
    public int DilationH { get; }
    public int DilationW { get; }
    public int Groups { get; }
    public int OutH { get; }
    public int OutW { get; }

    public int InputLength => N * Cin * H * W;
    public int OutputLength => N * Cout * OutH * OutW;
    public int WeightLength => Cout * (Cin / Groups) * KH * KW;

    /// <summary>Multiply-adds of the forward pass (each backward pass costs the same).</summary>
    public long MacCount => (long)N * Cout * OutH * OutW * (Cin / Groups) * KH * KW;

    internal ConvShape Shape => new(N, Cin, H, W, Cout, OutH, OutW, KH, KW, StrideH, StrideW, PadH, PadW,
        DilationH, DilationW, Groups);

    public override string ToString() =>
        $"Conv2d [{N}, {Cin}, {H}, {W}] → [{N}, {Cout}, {OutH}, {OutW}], kernel {KH}×{KW}, stride ({StrideH}, {StrideW}), padding ({PadH}, {PadW}), dilation ({DilationH}, {DilationW}), groups {Groups}";
}
