namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// A stride-1 correlation as the direct forward kernel sees it: source [N, CIn, InH, InW] placed at (Top, Left) in a
/// zero plane, KH×KW taps, result [N, COut, OutH, OutW]. With <see cref="Adjoint"/> the weight is stored
/// [CIn][COut][KH][KW] and read rotated by 180° (the backward-data pass of a convolution).
/// </summary>
internal readonly record struct DirectConvProblem(
    int N, int CIn, int InH, int InW, int Top, int Left, int COut, int OutH, int OutW, int KH, int KW, bool Adjoint)
{
    public int Taps => KH * KW;

    /// <summary>Row stride of the padded source planes.</summary>
    public int Stride => DirectConvPadding.RowStride(OutW, KW);
}
