using System.Buffers;
using System.Buffers.Binary;

namespace Perrin.Core.IO.Tiff;

/// <summary>Reads the values of an IFD entry, checking its type and that the values lie inside the file.</summary>
internal static class TiffValues
{
    public static bool IsUnsignedInteger(ushort type) => type is TiffFieldType.Byte or TiffFieldType.Short or TiffFieldType.Long
        or TiffFieldType.Long8 or TiffFieldType.Ifd or TiffFieldType.Ifd8;

    public static void RequireUnsignedInteger(TiffByteSource source, TiffEntry entry)
    {
        if (!IsUnsignedInteger(entry.Type))
        {
            throw source.Error(entry.EntryOffset, $"{entry.Describe()} has type {entry.Type} ({TiffFieldType.Name(entry.Type)}), expected an unsigned integer (SHORT, LONG or LONG8)");
        }
    }

    public static void RequireCount(TiffByteSource source, TiffEntry entry, long needed)
    {
        if (entry.Count < needed)
        {
            throw source.Error(entry.EntryOffset, $"{entry.Describe()} has {entry.Count} values, expected at least {needed}");
        }
    }

    /// <summary>Checks that the first <paramref name="count"/> values lie inside the file, without reading them.</summary>
    public static void RequireInFile(TiffByteSource source, TiffEntry entry, long count)
    {
        if (entry.IsInline)
        {
            return;
        }

        var size = entry.ValueSize;
        if (count > source.Length / Math.Max(size, 1) || !source.Holds(entry.DataOffset, count * size))
        {
            throw source.Error(entry.EntryOffset, $"{entry.Describe()}: {count} values of {size} bytes at byte {entry.DataOffset} run past the end of the file ({source.Length} bytes)");
        }
    }

    /// <summary>Reads the first <c>destination.Length</c> bytes of the entry's values as stored.</summary>
    public static void ReadBytes(TiffByteSource source, TiffEntry entry, Span<byte> destination)
    {
        if (entry.IsInline)
        {
            Span<byte> field = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(field, entry.InlineBytes);
            field[..destination.Length].CopyTo(destination);
            return;
        }

        if (!source.Holds(entry.DataOffset, destination.Length))
        {
            throw source.Error(entry.EntryOffset, $"{entry.Describe()}: {destination.Length} bytes of values at byte {entry.DataOffset} run past the end of the file ({source.Length} bytes)");
        }

        source.ReadExactly(entry.DataOffset, destination, entry.Describe());
    }

    /// <summary>Reads the first <c>destination.Length</c> values of an unsigned integer entry.</summary>
    public static void ReadUnsigned(TiffByteSource source, TiffEntry entry, Span<long> destination)
    {
        RequireUnsignedInteger(source, entry);
        RequireCount(source, entry, destination.Length);
        RequireInFile(source, entry, destination.Length);
        var size = entry.ValueSize;
        var byteCount = destination.Length * size;
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var bytes = rented.AsSpan(0, byteCount);
            ReadBytes(source, entry, bytes);
            for (var i = 0; i < destination.Length; i++)
            {
                var value = bytes.Slice(i * size, size);
                destination[i] = size switch
                {
                    1 => value[0],
                    2 => source.UInt16(value),
                    4 => source.UInt32(value),
                    _ => (long)Math.Min(source.UInt64(value), long.MaxValue),
                };
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
