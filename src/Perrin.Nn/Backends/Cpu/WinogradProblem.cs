namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// A 3×3, stride-1 correlation computed by Winograd F(2×2, 3×3): the CIn × InH × InW source, padded by (Top, Left),
/// gives COut × OutH × OutW. Outputs are covered by 2×2 tiles numbered image by image, row by row; each tile reads a
/// 4×4 window of the padded source. With <see cref="Adjoint"/> the weight is read as the kernel of the adjoint
/// convolution ([COut][CIn] swapped and rotated by 180°). <see cref="PairRows"/> lets the AVX-512 transforms take
/// two rows of 8 tiles per vector (16-pixel outputs); without it they take one, with the same bits.
/// </summary>
internal readonly record struct WinogradProblem(
    int N, int CIn, int InH, int InW, int Top, int Left, int COut, int OutH, int OutW, bool Adjoint, int BlockTiles,
    bool PairRows = true)
{
    /// <summary>Lanes of the widest transform kernel; rows of the padded source and of the block buffers leave this much slack.</summary>
    public const int Lanes = 16;

    public int TilesH => (OutH + 1) / 2;

    public int TilesW => (OutW + 1) / 2;

    public int TilesPerImage => TilesH * TilesW;

    public long Tiles => (long)N * TilesPerImage;

    /// <summary>Padded rows: every tile's 4×4 window lies inside.</summary>
    public int Rows => 2 * TilesH + 2;

    /// <summary>Padded row stride: a vector of tiles starting at the last tile of a row still reads inside the row.</summary>
    public int Stride => 2 * TilesW + 2 * Lanes;

    public long PaddedPlane => (long)Rows * Stride;

    /// <summary>Row stride of the transformed blocks [16][channels][tiles]: a vector past the block's last tile stays inside.</summary>
    public int BlockStride => BlockTiles + Lanes;

    /// <summary>Floats of one worker's buffers: the transformed input and the 16 products of one block.</summary>
    public long ScratchLength => 16L * (CIn + COut) * BlockStride;
}
