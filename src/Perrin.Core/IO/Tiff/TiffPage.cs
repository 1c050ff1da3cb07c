namespace Perrin.Core.IO.Tiff;

/// <summary>
/// What a frame needs beyond the shared <see cref="TiffImageFormat"/>: where its strip or tile offsets and byte
/// counts are listed. The lists themselves are read only when the frame is.
/// </summary>
internal readonly record struct TiffPage(long IfdOffset, TiffEntry Offsets, TiffEntry ByteCounts, bool HasByteCounts)
{
    public static TiffPage From(TiffByteSource source, TiffDirectory ifd, TiffImageFormat format)
    {
        var offsetsTag = format.Tiled ? TiffTag.TileOffsets : TiffTag.StripOffsets;
        var countsTag = format.Tiled ? TiffTag.TileByteCounts : TiffTag.StripByteCounts;
        if (!ifd.TryGet(offsetsTag, out var offsets))
        {
            throw source.Error(ifd.Offset, $"the IFD has no {TiffTag.Describe(offsetsTag)}, so its pixel data cannot be found");
        }

        Check(source, offsets, format.SegmentCount);
        var hasCounts = ifd.TryGet(countsTag, out var counts);
        if (hasCounts)
        {
            Check(source, counts, format.SegmentCount);
        }
        else if (format.Compression != TiffCompressionCode.None)
        {
            throw source.Error(ifd.Offset, $"the IFD has no {TiffTag.Describe(countsTag)}, which compressed data needs");
        }

        return new TiffPage(ifd.Offset, offsets, counts, hasCounts);
    }

    private static void Check(TiffByteSource source, TiffEntry entry, int segments)
    {
        TiffValues.RequireUnsignedInteger(source, entry);
        TiffValues.RequireCount(source, entry, segments);
        TiffValues.RequireInFile(source, entry, entry.Count);
    }
}
