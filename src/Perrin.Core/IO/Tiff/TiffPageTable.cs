namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Maps a frame index to the file offsets and byte counts of its strips or tiles. Usually one IFD per frame;
/// for ImageJ stacks with a single IFD and "images=N" (ImageJ writes these above 4 GiB), frames follow the
/// first frame's data back to back.
/// </summary>
internal sealed class TiffPageTable
{
    private readonly TiffByteSource _source;
    private readonly TiffImageFormat _format;
    private readonly TiffPage[] _pages;
    private readonly long[]? _firstOffsets;
    private readonly long[]? _firstCounts;

    private TiffPageTable(TiffByteSource source, TiffImageFormat format, TiffPage[] pages, int frameCount, long[]? firstOffsets, long[]? firstCounts)
    {
        _source = source;
        _format = format;
        _pages = pages;
        FrameCount = frameCount;
        _firstOffsets = firstOffsets;
        _firstCounts = firstCounts;
    }

    public int FrameCount { get; }

    /// <summary>True when frames are located by stride after a single IFD rather than by their own IFDs.</summary>
    public bool Contiguous => _firstOffsets is not null;

    public static TiffPageTable Create(TiffByteSource source, TiffImageFormat format, TiffPage[] pages, int? imageJImages)
    {
        if (pages.Length != 1 || imageJImages is not > 1 || format.Compression != TiffCompressionCode.None || format.Tiled)
        {
            return new TiffPageTable(source, format, pages, pages.Length, null, null);
        }

        var offsets = new long[format.SegmentCount];
        var counts = new long[format.SegmentCount];
        Resolve(source, format, pages[0], offsets, counts);
        var start = offsets[0];
        var expected = start;
        for (var i = 0; i < offsets.Length; i++)
        {
            if (offsets[i] != expected || counts[i] != format.DecodedBytes(i / format.SegmentsAcross))
            {
                throw source.Error(pages[0].IfdOffset, $"ImageJ description says images={imageJImages} with a single IFD, so frames must follow the first frame's data back to back; its strip {i} is at byte {offsets[i]} ({counts[i]} bytes), expected byte {expected}");
            }

            expected += counts[i];
        }

        // The frames end at the IFD when it follows them (as in small ImageJ files), else at the end of the file.
        var frames = imageJImages.Value;
        var ifd = pages[0].IfdOffset;
        var end = ifd > start ? ifd : source.Length;
        var available = (end - start) / format.FrameBytes;
        if (available < frames)
        {
            throw source.Error(start, $"ImageJ description says images={frames} stored back to back from byte {start}, but the {end - start} bytes before {(ifd > start ? $"the IFD at byte {ifd}" : "the end of the file")} hold only {available} frames of {format.FrameBytes} bytes");
        }

        return new TiffPageTable(source, format, pages, frames, offsets, counts);
    }

    /// <summary>Fills the offsets and byte counts of frame <paramref name="frame"/>'s strips or tiles.</summary>
    public void GetSegments(int frame, Span<long> offsets, Span<long> counts)
    {
        if (_firstOffsets is not null && _firstCounts is not null)
        {
            var shift = (long)frame * _format.FrameBytes;
            for (var i = 0; i < offsets.Length; i++)
            {
                offsets[i] = _firstOffsets[i] + shift;
            }

            _firstCounts.CopyTo(counts);
            return;
        }

        Resolve(_source, _format, _pages[frame], offsets, counts);
    }

    private static void Resolve(TiffByteSource source, TiffImageFormat format, TiffPage page, Span<long> offsets, Span<long> counts)
    {
        TiffValues.ReadUnsigned(source, page.Offsets, offsets);
        if (page.HasByteCounts)
        {
            TiffValues.ReadUnsigned(source, page.ByteCounts, counts);
            return;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = format.DecodedBytes(i / format.SegmentsAcross);
        }
    }
}
