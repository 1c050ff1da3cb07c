using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Tiff;

/// <summary>What <see cref="TiffReader.Open"/> found in a TIFF file's header and first IFD.</summary>
public sealed record TiffFileInfo
{
    public required bool LittleEndian { get; init; }

    public required bool IsBigTiff { get; init; }

    public required int FrameCount { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public required PixelType PixelType { get; init; }

    /// <summary>"none", "LZW", "Deflate" or "PackBits".</summary>
    public required string Compression { get; init; }

    /// <summary>1 none, 2 horizontal differencing, 3 floating point.</summary>
    public required int Predictor { get; init; }

    /// <summary>0 WhiteIsZero (reported, samples are not inverted) or 1 BlackIsZero.</summary>
    public required int Photometric { get; init; }

    public required bool Tiled { get; init; }

    public int? TileWidth { get; init; }

    public int? TileHeight { get; init; }

    /// <summary>Rows per strip (at most the image height); null for tiled files.</summary>
    public int? RowsPerStrip { get; init; }

    public required bool IsImageJ { get; init; }

    /// <summary>True for ImageJ stacks with a single IFD whose frames follow one another in the file.</summary>
    public required bool ImageJContiguous { get; init; }

    public string? ImageDescription { get; init; }

    public required long FileLength { get; init; }
}
