using Perrin.Core.Imaging;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.IO.Tiff;

/// <summary>Checks a writer's options and turns them into the <see cref="TiffImageFormat"/> every frame is written with.</summary>
internal static class TiffWriteFormat
{
    private const int AutoStripBytes = 1 << 16;

    public static TiffImageFormat Create(int width, int height, PixelType type, TiffWriteOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var bytes = type.BytesPerSample();
        if ((long)width * height * bytes > TiffLimits.MaxFrameBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"a {width}×{height} {type.ShortName()} frame is larger than {TiffLimits.MaxFrameBytes} bytes");
        }

        var compression = TiffCompressionCode.FromOption(options.Compression);
        if (options.Predictor != TiffPredictor.None &&
            (compression is not (TiffCompressionCode.Lzw or TiffCompressionCode.Deflate) ||
             !TiffPredictor.IsSupported(options.Predictor, bytes) ||
             (options.Predictor == TiffPredictor.FloatingPoint && !type.IsFloatingPoint())))
        {
            throw new ArgumentException($"predictor {options.Predictor} cannot be used with {options.Compression} compression and {type.ShortName()} samples; use 2 (integers) or 3 (floats) with LZW or Deflate", nameof(options));
        }

        int segmentWidth, segmentRows;
        var tiled = options.Layout == TiffLayout.Tiles;
        if (tiled)
        {
            if (options.TileSize < 16 || options.TileSize % 16 != 0 || options.TileSize > 65536 ||
                (long)options.TileSize * options.TileSize * bytes > TiffLimits.MaxTileBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.TileSize, "TileSize must be a positive multiple of 16, with tiles of at most 256 MiB");
            }

            segmentWidth = segmentRows = options.TileSize;
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfNegative(options.RowsPerStrip);
            var rowBytes = width * bytes;
            segmentWidth = width;
            segmentRows = Math.Min(height, options.RowsPerStrip > 0 ? options.RowsPerStrip : Math.Max(1, AutoStripBytes / rowBytes));
        }

        return new TiffImageFormat
        {
            Width = width,
            Height = height,
            PixelType = type,
            Compression = compression,
            Predictor = options.Predictor,
            Photometric = 1,
            Tiled = tiled,
            SegmentWidth = segmentWidth,
            SegmentRows = segmentRows,
            SegmentsAcross = (width + segmentWidth - 1) / segmentWidth,
            SegmentsDown = (height + segmentRows - 1) / segmentRows,
        };
    }
}
