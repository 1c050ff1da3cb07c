using System.Buffers.Binary;
using Perrin.Core.Imaging;

namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>Random raw frames that include each type's extreme values and, for floats, NaN payloads, infinities and -0.</summary>
internal static class TiffTestData
{
    public static byte[] Frame(PixelType type, int width, int height, Random random)
    {
        var bytes = type.BytesPerSample();
        var raw = new byte[width * height * bytes];
        random.NextBytes(raw);
        var specials = Specials(type);
        var samples = width * height;
        for (var i = 0; i < specials.Length; i++)
        {
            specials[i].CopyTo(raw, i * 3 % samples * bytes);
        }

        return raw;
    }

    private static byte[][] Specials(PixelType type) => type switch
    {
        PixelType.UInt8 or PixelType.Int8 => [[0x00], [0xFF], [0x80], [0x7F]],
        PixelType.UInt16 or PixelType.Int16 => [U16(0), U16(0xFFFF), U16(0x8000), U16(0x7FFF)],
        PixelType.UInt32 or PixelType.Int32 => [U32(0), U32(uint.MaxValue), U32(0x8000_0000), U32(0x7FFF_FFFF)],
        PixelType.Float32 =>
        [
            U32(0x7FC0_0001), U32(0xFFF1_2345), U32(0x7F80_0001), U32(0x7F80_0000), U32(0xFF80_0000),
            U32(0x8000_0000), U32(0x0000_0001), U32(0x7F7F_FFFF), U32(0xFF7F_FFFF),
        ],
        PixelType.Float64 =>
        [
            U64(0x7FF8_0000_0000_0001), U64(0xFFF0_0000_DEAD_BEEF), U64(0x7FF0_0000_0000_0000),
            U64(0x8000_0000_0000_0000), U64(0x0000_0000_0000_0001), U64(0x7FEF_FFFF_FFFF_FFFF),
        ],
        _ => [],
    };

    private static byte[] U16(ushort v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        return BitConverter.IsLittleEndian ? b : [.. b.Reverse()];
    }

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return BitConverter.IsLittleEndian ? b : [.. b.Reverse()];
    }

    private static byte[] U64(ulong v)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, v);
        return BitConverter.IsLittleEndian ? b : [.. b.Reverse()];
    }
}
