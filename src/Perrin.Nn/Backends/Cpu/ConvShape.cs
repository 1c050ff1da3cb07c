namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// The geometry the im2col engine works on: a correlation of a Cin×H×W image with Cout kernels giving a Cout×OutH×OutW
/// result. OutH/OutW are explicit rather than derived so that a transposed convolution with output padding (whose
/// "input" may have a row no kernel tap reaches) maps onto the same engine.
/// </summary>
internal readonly record struct ConvShape(
    int N, int Cin, int H, int W, int Cout, int OutH, int OutW, int KH, int KW,
    int StrideH, int StrideW, int PadH, int PadW, int DilationH, int DilationW, int Groups)
{
    public int CinG => Cin / Groups;

    public int CoutG => Cout / Groups;

    /// <summary>Rows of one group's column matrix: Cin/groups·KH·KW.</summary>
    public int K => CinG * KH * KW;

    /// <summary>Columns of the column matrix: OutH·OutW.</summary>
    public int P => OutH * OutW;

    public int InPlane => H * W;

    public bool IsPointwise => KH == 1 && KW == 1 && StrideH == 1 && StrideW == 1 && PadH == 0 && PadW == 0
        && OutH == H && OutW == W;
}
