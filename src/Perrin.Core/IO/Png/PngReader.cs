namespace Perrin.Core.IO.Png;

/// <summary>
/// Reads PNG files of every standard colour type and bit depth, interlaced or not. Corrupt or unsupported
/// content raises <see cref="PerrinFormatException"/> naming the file, the offset of the offending chunk and what
/// was expected. Ancillary chunks are checked (CRC) and skipped, except pHYs (pixel size, when in metres and square)
/// and tEXt.
/// </summary>
public static class PngReader
{
    public static PngImage Read(string path)
    {
        using var stream = OpenRead(path);
        return Read(stream, path);
    }

    public static PngImage Read(Stream stream, string? nameForMessages = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var contents = PngParser.Parse(stream, nameForMessages, stopAtImageData: false);
        return PngDecoder.Decode(contents, nameForMessages);
    }

    /// <summary>Reads only the signature and IHDR.</summary>
    public static PngHeader ReadHeader(string path)
    {
        using var stream = OpenRead(path);
        return PngParser.ParseHeader(stream, path);
    }

    /// <summary>Reads the chunks before the image data: the header and the pixel size, without decoding.</summary>
    internal static (PngHeader Header, double? PixelSizeNm) ReadInfo(string path)
    {
        using var stream = OpenRead(path);
        var contents = PngParser.Parse(stream, path, stopAtImageData: true);
        return (contents.Header, contents.PixelSizeNm);
    }

    private static FileStream OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }
}
