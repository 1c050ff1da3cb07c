namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Shapes of a 2D transposed convolution with PyTorch semantics: input [N, Cin, H, W], weight [Cin, Cout/groups, KH, KW],
/// output [N, Cout, OutH, OutW] with OutH = (H − 1)·strideH − 2·padH + dilationH·(KH − 1) + outputPadH + 1.
/// </summary>
public sealed record ConvTranspose2dGeometry
{
    public ConvTranspose2dGeometry(int batch, int inChannels, int height, int width, int outChannels, int kernelH, int kernelW,
        int strideH = 1, int strideW = 1, int padH = 0, int padW = 0, int outputPadH = 0, int outputPadW = 0,
        int dilationH = 1, int dilationW = 1, int groups = 1)
    {
        var what = $"ConvTranspose2d: input [{batch}, {inChannels}, {height}, {width}], weight [{inChannels}, {(groups > 0 ? outChannels / groups : outChannels)}, {kernelH}, {kernelW}], stride ({strideH}, {strideW}), padding ({padH}, {padW}), output padding ({outputPadH}, {outputPadW}), dilation ({dilationH}, {dilationW}), groups {groups}";
        ConvGeometryChecks.Validate(what, batch, inChannels, height, width, outChannels, kernelH, kernelW,
            strideH, strideW, padH, padW, dilationH, dilationW, groups);
        if (outputPadH < 0 || outputPadW < 0 || (outputPadH >= strideH && outputPadH >= dilationH)
            || (outputPadW >= strideW && outputPadW >= dilationW))
            throw new ArgumentException($"{what}: output padding must be non-negative and smaller than either the stride or the dilation.");
        var outH = (long)(height - 1) * strideH - 2L * padH + (long)dilationH * (kernelH - 1) + outputPadH + 1;
        var outW = (long)(width - 1) * strideW - 2L * padW + (long)dilationW * (kernelW - 1) + outputPadW + 1;
        if (outH < 1 || outW < 1)
            throw new ArgumentException($"{what}: the output would be {outH}×{outW}; the padding is too large.");
        if (outH > int.MaxValue || outW > int.MaxValue)
            throw new ArgumentException($"{what}: the output would be {outH}×{outW}, too large.");
        ConvGeometryChecks.CheckSizes(what, batch, outChannels, (int)outH, (int)outW, inChannels, height, width,
            (long)outChannels / groups * kernelH * kernelW);
        N = batch; Cin = inChannels; H = height; W = width; Cout = outChannels; KH = kernelH; KW = kernelW;
        StrideH = strideH; StrideW = strideW; PadH = padH; PadW = padW; OutputPadH = outputPadH; OutputPadW = outputPadW;
        DilationH = dilationH; DilationW = dilationW; Groups = groups;
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
    public int OutputPadH { get; }
    public int OutputPadW { get; }
    public int DilationH { get; }
    public int DilationW { get; }
    public int Groups { get; }
    public int OutH { get; }
    public int OutW { get; }

    public int InputLength => N * Cin * H * W;
    public int OutputLength => N * Cout * OutH * OutW;
    public int WeightLength => Cin * (Cout / Groups) * KH * KW;

    /// <summary>Multiply-adds of the forward pass (each backward pass costs the same).</summary>
    public long MacCount => (long)N * Cin * H * W * (Cout / Groups) * KH * KW;

    /// <summary>
    /// The convolution whose data gradient this transposed convolution is: its input is our output, its output is our
    /// input, and its weight [Cin, Cout/groups, KH, KW] is our weight unchanged.
    /// </summary>
    internal ConvShape AdjointShape => new(N, Cout, OutH, OutW, Cin, H, W, KH, KW, StrideH, StrideW, PadH, PadW,
        DilationH, DilationW, Groups);

    public override string ToString() =>
        $"ConvTranspose2d [{N}, {Cin}, {H}, {W}] → [{N}, {Cout}, {OutH}, {OutW}], kernel {KH}×{KW}, stride ({StrideH}, {StrideW}), padding ({PadH}, {PadW}), output padding ({OutputPadH}, {OutputPadW}), dilation ({DilationH}, {DilationW}), groups {Groups}";
}
