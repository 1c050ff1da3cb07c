using System.Buffers.Binary;
using System.Text;

namespace Perrin.Core.IO.Tiff;

/// <summary>One image file directory (IFD): its entries and the offset of the next one. Pixel data is never read here.</summary>
internal sealed class TiffDirectory
{
    /// <summary>Real IFDs hold a few dozen entries; more than this is a corrupt count, not an image.</summary>
    public const int MaxEntries = 4096;

    private readonly TiffByteSource _source;
    private readonly TiffEntry[] _entries;

    private TiffDirectory(TiffByteSource source, long offset, TiffEntry[] entries, long nextOffset, long nextFieldOffset)
    {
        _source = source;
        Offset = offset;
        _entries = entries;
        NextOffset = nextOffset;
        NextFieldOffset = nextFieldOffset;
    }

    public long Offset { get; }

    /// <summary>Offset of the next IFD, 0 at the end of the chain (clamped to <see cref="long.MaxValue"/>).</summary>
    public long NextOffset { get; }

    /// <summary>Where the next-IFD offset is stored, for messages.</summary>
    public long NextFieldOffset { get; }

    public static TiffDirectory Read(TiffByteSource source, long offset)
    {
        var big = source.BigTiff;
        var countSize = big ? 8 : 2;
        var entrySize = big ? 20 : 12;
        Span<byte> head = stackalloc byte[8];
        source.ReadExactly(offset, head[..countSize], "IFD entry count");
        var count = big ? source.UInt64(head) : source.UInt16(head);
        if (count > MaxEntries)
        {
            throw source.Error(offset, $"the IFD claims {count} entries; expected at most {MaxEntries}");
        }

        var bodyLength = ((int)count * entrySize) + source.OffsetSize;
        var start = offset + countSize;
        if (!source.Holds(start, bodyLength))
        {
            throw source.Error(offset, $"the IFD's {count} entries and next-IFD offset ({bodyLength} bytes) run past the end of the file ({source.Length} bytes)");
        }

        var body = new byte[bodyLength];
        source.ReadExactly(start, body, "IFD");
        var entries = new TiffEntry[count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = ParseEntry(source, body.AsSpan(i * entrySize, entrySize), start + ((long)i * entrySize));
        }

        var nextField = body.AsSpan(bodyLength - source.OffsetSize);
        var next = source.Word(nextField);
        return new TiffDirectory(source, offset, entries, (long)Math.Min(next, long.MaxValue), start + bodyLength - source.OffsetSize);
    }

    public bool TryGet(ushort tag, out TiffEntry entry)
    {
        foreach (var e in _entries)
        {
            if (e.Tag == tag)
            {
                entry = e;
                return true;
            }
        }

        entry = default;
        return false;
    }

    /// <summary>The first value of an unsigned integer tag, or null when the tag is absent.</summary>
    public long? Integer(ushort tag)
    {
        if (!TryGet(tag, out var entry))
        {
            return null;
        }

        Span<long> value = stackalloc long[1];
        TiffValues.ReadUnsigned(_source, entry, value);
        return value[0];
    }

    public long Integer(ushort tag, long fallback) => Integer(tag) ?? fallback;

    public long RequireInteger(ushort tag) =>
        Integer(tag) ?? throw _source.Error(Offset, $"the IFD has no {TiffTag.Describe(tag)}, which is required");

    /// <summary>The first value of a RATIONAL tag; null when absent or when its denominator is 0.</summary>
    public double? Rational(ushort tag)
    {
        if (!TryGet(tag, out var entry))
        {
            return null;
        }

        if (entry.Type != TiffFieldType.Rational)
        {
            throw _source.Error(entry.EntryOffset, $"{entry.Describe()} has type {entry.Type} ({TiffFieldType.Name(entry.Type)}), expected RATIONAL");
        }

        TiffValues.RequireCount(_source, entry, 1);
        Span<byte> bytes = stackalloc byte[8];
        TiffValues.ReadBytes(_source, entry, bytes);
        var numerator = _source.UInt32(bytes);
        var denominator = _source.UInt32(bytes[4..]);
        return denominator == 0 ? null : (double)numerator / denominator;
    }

    /// <summary>An ASCII tag as text, up to the first NUL and at most <paramref name="maxBytes"/> bytes; null when absent.</summary>
    public string? Ascii(ushort tag, int maxBytes)
    {
        if (!TryGet(tag, out var entry))
        {
            return null;
        }

        if (entry.Type is not (TiffFieldType.Ascii or TiffFieldType.Byte or TiffFieldType.Undefined))
        {
            throw _source.Error(entry.EntryOffset, $"{entry.Describe()} has type {entry.Type} ({TiffFieldType.Name(entry.Type)}), expected ASCII");
        }

        TiffValues.RequireInFile(_source, entry, entry.Count);
        var length = (int)Math.Min(entry.Count, maxBytes);
        var bytes = new byte[length];
        TiffValues.ReadBytes(_source, entry, bytes);
        var end = Array.IndexOf(bytes, (byte)0);
        return Encoding.UTF8.GetString(bytes, 0, end < 0 ? length : end);
    }

    private static TiffEntry ParseEntry(TiffByteSource source, ReadOnlySpan<byte> raw, long entryOffset)
    {
        var big = source.BigTiff;
        var tag = source.UInt16(raw);
        var type = source.UInt16(raw[2..]);
        var count = big ? source.UInt64(raw[4..]) : source.UInt32(raw[4..]);
        var fieldStart = big ? 12 : 8;
        var field = raw[fieldStart..];
        Span<byte> padded = stackalloc byte[8];
        field.CopyTo(padded);
        var inlineBytes = BinaryPrimitives.ReadUInt64LittleEndian(padded);
        var size = (ulong)TiffFieldType.Size(type);
        var fits = size != 0 && count <= (ulong)field.Length / size;
        var dataOffset = fits ? entryOffset + fieldStart : (long)Math.Min(source.Word(field), long.MaxValue);
        return new TiffEntry(tag, type, (long)Math.Min(count, long.MaxValue), entryOffset, dataOffset, inlineBytes, fits);
    }
}
