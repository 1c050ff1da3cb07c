using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Tiff;

/// <summary>Builds a <see cref="TiffImageFormat"/> from an IFD, rejecting what Perrin cannot read with a precise message.</summary>
internal static class TiffFormatParser
{
    public static TiffImageFormat Parse(TiffByteSource source, TiffDirectory ifd)
    {
        var width = Dimension(source, ifd, TiffTag.ImageWidth);
        var height = Dimension(source, ifd, TiffTag.ImageLength);
        var samples = ifd.Integer(TiffTag.SamplesPerPixel, 1);
        if (samples != 1)
        {
            throw source.Error(EntryOffset(ifd, TiffTag.SamplesPerPixel), $"samples-per-pixel {samples} is not supported; expected single-channel images (1 sample per pixel)");
        }

        var planar = ifd.Integer(TiffTag.PlanarConfiguration, 1);
        if (planar is not (1 or 2))
        {
            throw source.Error(EntryOffset(ifd, TiffTag.PlanarConfiguration), $"PlanarConfiguration {planar} is invalid; expected 1 (chunky) or 2 (planar)");
        }

        var type = SampleType(source, ifd);
        var frameBytes = (long)width * height * type.BytesPerSample();
        if (frameBytes > TiffLimits.MaxFrameBytes)
        {
            throw source.Error(ifd.Offset, $"a {width}×{height} {type.ShortName()} frame takes {frameBytes} bytes; at most {TiffLimits.MaxFrameBytes} bytes per frame are supported");
        }

        var compression = Compression(source, ifd);
        var ratio = compression == TiffCompressionCode.None ? 1 : TiffLimits.MaxCompressionRatio;
        if (frameBytes > source.Length * ratio)
        {
            throw source.Error(ifd.Offset, $"a {width}×{height} {type.ShortName()} frame takes {frameBytes} bytes, more than this {source.Length}-byte file can hold with compression {TiffCompressionCode.Name(compression)}");
        }

        var predictor = ifd.Integer(TiffTag.Predictor, 1);
        if (predictor is not (1 or 2 or 3) || (predictor == 3 && !type.IsFloatingPoint()))
        {
            throw source.Error(EntryOffset(ifd, TiffTag.Predictor), $"predictor {predictor} is not supported for {type.ShortName()} samples; expected 1 (none), 2 (horizontal) or, for floats, 3 (floating point)");
        }

        var photometric = ifd.Integer(TiffTag.Photometric, 1);
        if (photometric is not (0 or 1))
        {
            throw source.Error(EntryOffset(ifd, TiffTag.Photometric), $"photometric interpretation {photometric} is not supported; expected 0 (WhiteIsZero) or 1 (BlackIsZero) grayscale");
        }

        var tiled = ifd.TryGet(TiffTag.TileWidth, out _) || ifd.TryGet(TiffTag.TileOffsets, out _);
        int segmentWidth, segmentRows;
        if (tiled)
        {
            segmentWidth = TileDimension(source, ifd, TiffTag.TileWidth);
            segmentRows = TileDimension(source, ifd, TiffTag.TileLength);
            var tileBytes = (long)segmentWidth * segmentRows * type.BytesPerSample();
            if (tileBytes > TiffLimits.MaxTileBytes || tileBytes > source.Length * ratio)
            {
                throw source.Error(ifd.Offset, $"{segmentWidth}×{segmentRows} tiles of {tileBytes} bytes are larger than this {source.Length}-byte file or the limit of {TiffLimits.MaxTileBytes} bytes");
            }
        }
        else
        {
            var rows = ifd.Integer(TiffTag.RowsPerStrip, uint.MaxValue);
            if (rows == 0)
            {
                throw source.Error(EntryOffset(ifd, TiffTag.RowsPerStrip), "RowsPerStrip is 0; expected at least 1");
            }

            segmentWidth = width;
            segmentRows = (int)Math.Min(rows, height);
        }

        var across = (int)(((long)width + segmentWidth - 1) / segmentWidth);
        var down = (int)(((long)height + segmentRows - 1) / segmentRows);
        if ((long)across * down > TiffLimits.MaxSegmentsPerFrame)
        {
            throw source.Error(ifd.Offset, $"a frame cut into {(long)across * down} {(tiled ? "tiles" : "strips")} is not supported; expected at most {TiffLimits.MaxSegmentsPerFrame}");
        }

        return new TiffImageFormat
        {
            Width = width,
            Height = height,
            PixelType = type,
            Compression = compression,
            Predictor = (int)predictor,
            Photometric = (int)photometric,
            Tiled = tiled,
            SegmentWidth = segmentWidth,
            SegmentRows = segmentRows,
            SegmentsAcross = across,
            SegmentsDown = down,
        };
    }

    private static int Compression(TiffByteSource source, TiffDirectory ifd)
    {
        var code = ifd.Integer(TiffTag.Compression, TiffCompressionCode.None);
        if (code > int.MaxValue || !TiffCompressionCode.IsSupported((int)code))
        {
            var name = code > int.MaxValue ? "unknown" : TiffCompressionCode.Name((int)code);
            throw source.Error(EntryOffset(ifd, TiffTag.Compression), $"compression {code} ({name}) is not supported; expected none (1), LZW (5), Deflate (8, 32946) or PackBits (32773)");
        }

        return (int)code;
    }

    private static PixelType SampleType(TiffByteSource source, TiffDirectory ifd)
    {
        var bits = ifd.Integer(TiffTag.BitsPerSample, 1);
        var format = ifd.Integer(TiffTag.SampleFormat, 1);
        PixelType? type = (bits, format) switch
        {
            (8, 1 or 4) => PixelType.UInt8,
            (8, 2) => PixelType.Int8,
            (16, 1 or 4) => PixelType.UInt16,
            (16, 2) => PixelType.Int16,
            (32, 1 or 4) => PixelType.UInt32,
            (32, 2) => PixelType.Int32,
            (32, 3) => PixelType.Float32,
            (64, 3) => PixelType.Float64,
            _ => null,
        };
        return type ?? throw source.Error(EntryOffset(ifd, TiffTag.BitsPerSample), $"{bits}-bit samples with SampleFormat {format} are not supported; expected 8, 16 or 32-bit integers (SampleFormat 1 or 2) or 32 or 64-bit floats (SampleFormat 3)");
    }

    private static int Dimension(TiffByteSource source, TiffDirectory ifd, ushort tag)
    {
        var value = ifd.RequireInteger(tag);
        if (value is < 1 or > int.MaxValue)
        {
            throw source.Error(EntryOffset(ifd, tag), $"{TiffTag.Describe(tag)} is {value}; expected 1 to {int.MaxValue}");
        }

        return (int)value;
    }

    private static int TileDimension(TiffByteSource source, TiffDirectory ifd, ushort tag)
    {
        var value = ifd.RequireInteger(tag);
        if (value is < 1 or > 65536)
        {
            throw source.Error(EntryOffset(ifd, tag), $"{TiffTag.Describe(tag)} is {value}; expected 1 to 65536");
        }

        return (int)value;
    }

    private static long EntryOffset(TiffDirectory ifd, ushort tag) => ifd.TryGet(tag, out var entry) ? entry.EntryOffset : ifd.Offset;
}
