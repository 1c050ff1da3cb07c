using System.Buffers.Binary;

namespace Perrin.Core.IO.Tiff;

/// <summary>The 8-byte classic or 16-byte BigTIFF header: byte order, version and the first IFD's offset.</summary>
internal static class TiffHeader
{
    public const ushort ClassicVersion = 42;
    public const ushort BigTiffVersion = 43;

    /// <summary>Reads the header, sets the source's byte order and offset width, and returns the first IFD's offset.</summary>
    public static long Read(TiffByteSource source)
    {
        if (source.Length < 8)
        {
            throw source.Error(0, $"the file is {source.Length} bytes long, too short for a TIFF header (8 bytes)");
        }

        Span<byte> header = stackalloc byte[16];
        var length = (int)Math.Min(16, source.Length);
        source.ReadExactly(0, header[..length], "TIFF header");
        source.LittleEndian = (header[0], header[1]) switch
        {
            ((byte)'I', (byte)'I') => true,
            ((byte)'M', (byte)'M') => false,
            _ => throw source.Error(0, $"the file starts with bytes 0x{header[0]:X2} 0x{header[1]:X2}; expected a TIFF byte-order mark \"II\" or \"MM\""),
        };

        var version = source.UInt16(header[2..]);
        if (version == ClassicVersion)
        {
            source.BigTiff = false;
            return source.UInt32(header[4..]);
        }

        if (version != BigTiffVersion)
        {
            throw source.Error(2, $"TIFF version {version} is not supported; expected 42 (TIFF) or 43 (BigTIFF)");
        }

        if (length < 16)
        {
            throw source.Error(0, $"the file is {source.Length} bytes long, too short for a BigTIFF header (16 bytes)");
        }

        var offsetSize = source.UInt16(header[4..]);
        var reserved = source.UInt16(header[6..]);
        if (offsetSize != 8 || reserved != 0)
        {
            throw source.Error(4, $"BigTIFF header declares {offsetSize}-byte offsets and reserved field {reserved}; expected 8 and 0");
        }

        source.BigTiff = true;
        return (long)Math.Min(source.UInt64(header[8..]), long.MaxValue);
    }

    /// <summary>The header for a file whose first IFD is at <paramref name="firstIfd"/>, padded to the 16-byte slot the writer reserves.</summary>
    public static byte[] Create(bool littleEndian, bool bigTiff, long firstIfd)
    {
        var header = new byte[16];
        var span = header.AsSpan();
        header[0] = header[1] = littleEndian ? (byte)'I' : (byte)'M';
        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[2..], bigTiff ? BigTiffVersion : ClassicVersion);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[2..], bigTiff ? BigTiffVersion : ClassicVersion);
        }

        if (!bigTiff)
        {
            if (littleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[4..], checked((uint)firstIfd));
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(span[4..], checked((uint)firstIfd));
            }

            return header;
        }

        if (littleEndian)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 8);
            BinaryPrimitives.WriteUInt64LittleEndian(span[8..], (ulong)firstIfd);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[4..], 8);
            BinaryPrimitives.WriteUInt64BigEndian(span[8..], (ulong)firstIfd);
        }

        return header;
    }
}
