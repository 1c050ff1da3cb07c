using System.Buffers;
using System.IO.Compression;

namespace Perrin.Core.IO.Compression;

/// <summary>zlib-wrapped Deflate, TIFF compression 8 (and the older code 32946).</summary>
public static class Deflate
{
    /// <summary>
    /// Inflates until the stream ends or <paramref name="destination"/> is full. Returns the number of bytes produced.
    /// </summary>
    /// <exception cref="InvalidDataException">The zlib header or the compressed data is corrupt.</exception>
    public static unsafe int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            return 0;
        }

        fixed (byte* start = source)
        {
            using var input = new UnmanagedMemoryStream(start, source.Length);
            try
            {
                using var inflater = new ZLibStream(input, CompressionMode.Decompress, leaveOpen: true);
                var produced = 0;
                while (produced < destination.Length)
                {
                    var n = inflater.Read(destination[produced..]);
                    if (n == 0)
                    {
                        break;
                    }

                    produced += n;
                }

                return produced;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // zlib reports some damage as ZLibException, an IOException. The inflater reads ahead in blocks, so the
                // position is where the damage was noticed, not where it starts.
                throw new InvalidDataException($"corrupt Deflate data at or before byte {input.Position}: {e.Message}", e);
            }
        }
    }

    /// <summary>Appends the zlib stream (header, Deflate data and Adler-32 check) of <paramref name="source"/>.</summary>
    public static void Encode(ReadOnlySpan<byte> source, IBufferWriter<byte> destination, CompressionLevel level = CompressionLevel.Optimal)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var output = new BufferWriterStream(destination);
        using (var deflater = new ZLibStream(output, level, leaveOpen: true))
        {
            deflater.Write(source);
        }
    }
}
