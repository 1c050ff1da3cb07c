using System.Buffers;
using System.IO.Compression;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.IO.Tiff;

/// <summary>Maps TIFF compression codes onto the codecs of <see cref="Perrin.Core.IO.Compression"/>.</summary>
internal static class TiffCodec
{
    /// <summary>Decodes one strip or tile; returns the number of bytes produced.</summary>
    /// <exception cref="InvalidDataException">The compressed data is corrupt.</exception>
    public static int Decode(int compression, ReadOnlySpan<byte> source, Span<byte> destination) => compression switch
    {
        TiffCompressionCode.PackBits => PackBits.Decode(source, destination),
        TiffCompressionCode.Lzw => TiffLzw.Decode(source, destination),
        TiffCompressionCode.Deflate or TiffCompressionCode.DeflateLegacy => Deflate.Decode(source, destination),
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "not a supported TIFF compression"),
    };

    /// <summary>
    /// Encodes one strip or tile. PackBits is applied row by row, as TIFF 6.0 asks, so that readers that
    /// decode rows separately see no record crossing a row boundary.
    /// </summary>
    public static void Encode(int compression, ReadOnlySpan<byte> source, int rowBytes, IBufferWriter<byte> destination)
    {
        switch (compression)
        {
            case TiffCompressionCode.PackBits:
                for (var start = 0; start < source.Length; start += rowBytes)
                {
                    PackBits.Encode(source.Slice(start, Math.Min(rowBytes, source.Length - start)), destination);
                }

                break;
            case TiffCompressionCode.Lzw:
                TiffLzw.Encode(source, destination);
                break;
            case TiffCompressionCode.Deflate:
                Deflate.Encode(source, destination, CompressionLevel.Fastest);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(compression), compression, "not a supported TIFF compression");
        }
    }
}
