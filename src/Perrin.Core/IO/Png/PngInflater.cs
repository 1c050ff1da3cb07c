using System.IO.Compression;

namespace Perrin.Core.IO.Png;

/// <summary>
/// Inflates the concatenated IDAT data to exactly the length the header implies. The buffer grows with the
/// data actually inflated, so a header that promises a huge image backed by a few bytes allocates little.
/// </summary>
internal static class PngInflater
{
    private const int InitialSize = 1 << 16;

    public static byte[] Inflate(PngFileContents contents, string? name)
    {
        var expected = contents.Layout.RawLength;
        var offset = contents.ImageDataOffset;
        contents.ImageData.Position = 0;
        try
        {
            using var zlib = new ZLibStream(contents.ImageData, CompressionMode.Decompress, leaveOpen: true);
            var buffer = new byte[Math.Min(expected, InitialSize)];
            var filled = 0;
            while (filled < expected)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min(expected, (long)buffer.Length * 2));
                }

                var n = zlib.Read(buffer, filled, buffer.Length - filled);
                if (n == 0)
                {
                    throw new PerrinFormatException(name, offset, $"the image data inflates to {filled} bytes; expected {expected} for this header (too little IDAT data)");
                }

                filled += n;
            }

            Span<byte> extra = stackalloc byte[1];
            if (zlib.Read(extra) != 0)
            {
                throw new PerrinFormatException(name, offset, $"the image data inflates to more than the {expected} bytes expected for this header (too much IDAT data)");
            }

            return buffer;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // The source is in memory, so an IOException can only be zlib refusing the data (a preset dictionary, say).
            throw new PerrinFormatException(name, offset, $"the image data is not a valid zlib stream: {e.Message}", e);
        }
    }
}
