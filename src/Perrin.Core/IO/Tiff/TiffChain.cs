namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Walks the IFD chain once, keeping only a <see cref="TiffPage"/> per frame. Every page must share the first
/// page's format; reduced-resolution pages (thumbnails) are skipped. Cycles and runaway chains end in an error.
/// </summary>
internal sealed class TiffChain
{
    private TiffChain(TiffDirectory first, TiffImageFormat format, TiffPage[] pages)
    {
        First = first;
        Format = format;
        Pages = pages;
    }

    /// <summary>The first full-resolution IFD, which carries the ImageJ description and calibration.</summary>
    public TiffDirectory First { get; }

    public TiffImageFormat Format { get; }

    public TiffPage[] Pages { get; }

    public static TiffChain Walk(TiffByteSource source, long firstOffset)
    {
        var minIfdBytes = source.BigTiff ? 16 : 6;
        var maxIfds = (source.Length / minIfdBytes) + 1;
        var visited = new HashSet<long>();
        var pages = new List<TiffPage>();
        TiffDirectory? first = null;
        TiffImageFormat? format = null;
        var offset = firstOffset;
        var pointerAt = source.BigTiff ? 8L : 4L;
        while (offset != 0)
        {
            var headerBytes = source.BigTiff ? 16 : 8;
            if (offset < headerBytes || offset >= source.Length)
            {
                throw source.Error(pointerAt, $"IFD offset {offset} is outside the file; expected {headerBytes} to {source.Length - 1}");
            }

            if (!visited.Add(offset) || visited.Count > maxIfds)
            {
                throw source.Error(pointerAt, $"the IFD chain loops back to the IFD at byte {offset} after {visited.Count} IFDs");
            }

            var ifd = TiffDirectory.Read(source, offset);
            if ((ifd.Integer(TiffTag.NewSubfileType, 0) & 1) == 0)
            {
                var pageFormat = TiffFormatParser.Parse(source, ifd);
                if (format is null)
                {
                    first = ifd;
                    format = pageFormat;
                }
                else if (pageFormat != format)
                {
                    throw source.Error(ifd.Offset, $"page {pages.Count + 1} is {pageFormat.Describe()} but page 1 is {format.Describe()}; every frame of a movie must have the same format");
                }

                pages.Add(TiffPage.From(source, ifd, format));
            }

            pointerAt = ifd.NextFieldOffset;
            offset = ifd.NextOffset;
        }

        if (first is null || format is null)
        {
            throw source.Error(firstOffset, "the file holds no full-resolution image");
        }

        return new TiffChain(first, format, [.. pages]);
    }
}
