using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Tiff;

/// <summary>How <see cref="TiffWriter"/> lays out a file. The defaults give an uncompressed little-endian ImageJ stack that Fiji opens as is.</summary>
public sealed record TiffWriteOptions
{
    public bool LittleEndian { get; init; } = true;

    public TiffCompression Compression { get; init; } = TiffCompression.None;

    /// <summary>1 none, 2 horizontal differencing, 3 floating point (float types only); 2 and 3 need LZW or Deflate.</summary>
    public int Predictor { get; init; } = 1;

    /// <summary>Strips are what ImageJ reads; ImageJ cannot open tiled TIFFs.</summary>
    public TiffLayout Layout { get; init; } = TiffLayout.Strips;

    /// <summary>Tile width and height in pixels, a positive multiple of 16 as TIFF requires.</summary>
    public int TileSize { get; init; } = 256;

    /// <summary>Rows per strip; 0 picks strips of about 64 KiB.</summary>
    public int RowsPerStrip { get; init; }

    /// <summary>
    /// true forces BigTIFF, false forces classic TIFF (writing fails with a clear error once the file would pass 4 GiB),
    /// null chooses at <see cref="TiffWriter.Complete"/>: classic when everything fits below 4 GiB, BigTIFF otherwise.
    /// The choice can wait because frames are written after a 16-byte header slot and all IFDs go at the end.
    /// </summary>
    public bool? BigTiff { get; init; }

    /// <summary>Frames the caller expects to write; only sizes internal tables, never limits or decides anything.</summary>
    public long? ExpectedFrameCount { get; init; }

    public StackMetadata Metadata { get; init; } = StackMetadata.Unknown;

    /// <summary>Writes the ImageJ description (images, frames, unit, finterval, min, max) and calibration.</summary>
    public bool WriteImageJ { get; init; } = true;
}
