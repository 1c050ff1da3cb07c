using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Everything about a page that must be the same on every frame of a movie: size, sample type, codec and how
/// the frame is cut into strips or tiles. Validated against sane limits and the file length when parsed.
/// </summary>
internal sealed record TiffImageFormat
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    public required PixelType PixelType { get; init; }

    public required int Compression { get; init; }

    public required int Predictor { get; init; }

    public required int Photometric { get; init; }

    public required bool Tiled { get; init; }

    /// <summary>Width of one segment: the image width for strips, the tile width for tiles.</summary>
    public required int SegmentWidth { get; init; }

    /// <summary>Rows of one segment: rows per strip (at most the image height) or the tile height.</summary>
    public required int SegmentRows { get; init; }

    public required int SegmentsAcross { get; init; }

    public required int SegmentsDown { get; init; }

    public int SegmentCount => SegmentsAcross * SegmentsDown;

    public int BytesPerSample => PixelType.BytesPerSample();

    public int RowBytes => Width * BytesPerSample;

    public int FrameBytes => RowBytes * Height;

    public int SegmentRowBytes => SegmentWidth * BytesPerSample;

    /// <summary>Rows actually stored in segment row <paramref name="down"/> (the last strip may be shorter; tiles are always full).</summary>
    public int RowsIn(int down) => Tiled ? SegmentRows : Math.Min(SegmentRows, Height - (down * SegmentRows));

    /// <summary>Decoded bytes of segment row <paramref name="down"/>.</summary>
    public int DecodedBytes(int down) => RowsIn(down) * SegmentRowBytes;

    public string Describe() =>
        $"{Width}×{Height} {PixelType.ShortName()}, compression {TiffCompressionCode.Name(Compression)}, " +
        (Tiled ? $"{SegmentWidth}×{SegmentRows} tiles" : $"{SegmentRows} rows per strip");
}
