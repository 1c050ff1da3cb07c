namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// A 3×3, stride-1 correlation computed by Winograd F(m×m, 3×3) with m = <see cref="Tile"/> (2 or 4): the
/// CIn × InH × InW source, padded by (Top, Left), gives COut × OutH × OutW. Outputs are covered by m×m tiles numbered
/// image by image, row by row; each tile reads an (m + 2)×(m + 2) window of the padded source. With
/// <see cref="Adjoint"/> the weight is read as the kernel of the adjoint convolution ([COut][CIn] swapped and rotated
/// by 180°). <see cref="PairRows"/> lets the AVX-512 F(2×2) transforms take two rows of 8 tiles per vector (16-pixel
/// outputs); without it they take one, with the same bits.
/// </summary>
internal readonly record struct WinogradProblem(
    int N, int CIn, int InH, int InW, int Top, int Left, int COut, int OutH, int OutW, bool Adjoint, int BlockTiles,
    bool PairRows = true, int Tile = 2)
{
    /// <summary>Lanes of the widest transform kernel; rows of the padded source and of the block buffers leave this much slack.</summary>
    public const int Lanes = 16;

    /// <summary>Side of a tile's window and of the transformed tile.</summary>
    public int Alpha => Tile + 2;

    /// <summary>Positions ξ of a transformed tile, one product each.</summary>
    public int Positions => Alpha * Alpha;

    public int TilesH => (OutH + Tile - 1) / Tile;

    public int TilesW => (OutW + Tile - 1) / Tile;

    public int TilesPerImage => TilesH * TilesW;

    public long Tiles => (long)N * TilesPerImage;

    /// <summary>Padded rows: every tile's window lies inside.</summary>
    public int Rows => Tile * TilesH + 2;

    /// <summary>
    /// Padded row stride: a vector of tiles starting at the last tile of a row still reads inside the row (16 F(2×2)
    /// windows span 34 columns, 8 F(4×4) windows 34, read as 36).
    /// </summary>
    public int Stride => Tile * TilesW + 2 * Lanes;

    public long PaddedPlane => (long)Rows * Stride;

    /// <summary>Row stride of the transformed blocks [ξ][channels][tiles]: a vector past the block's last tile stays inside.</summary>
    public int BlockStride => BlockTiles + Lanes;

    /// <summary>Floats of one worker's buffers: the transformed input and the products of one block.</summary>
    public long ScratchLength => (long)Positions * (CIn + COut) * BlockStride;
}
