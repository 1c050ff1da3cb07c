using System.Buffers.Binary;

namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>Finds the IFDs of a valid file on its own (not with the reader under test), so mutations can aim at them.</summary>
internal static class TiffIfdProbe
{
    public static List<(long Offset, int Entries)> Ifds(byte[] file)
    {
        var little = file[0] == 'I';
        var big = U16(file, 2, little) == 43;
        var result = new List<(long, int)>();
        var offset = big ? (long)U64(file, 8, little) : U32(file, 4, little);
        while (offset != 0 && result.Count < 1000)
        {
            var entries = big ? (int)U64(file, (int)offset, little) : U16(file, (int)offset, little);
            result.Add((offset, entries));
            var next = offset + (big ? 8 + (20 * entries) : 2 + (12 * entries));
            offset = big ? (long)U64(file, (int)next, little) : U32(file, (int)next, little);
        }

        return result;
    }

    private static ushort U16(byte[] b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at));

    private static uint U32(byte[] b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));

    private static ulong U64(byte[] b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(at));
}
