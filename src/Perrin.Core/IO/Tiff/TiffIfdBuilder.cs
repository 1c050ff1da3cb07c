using System.Buffers.Binary;
using System.Text;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Assembles one IFD: entries sorted by tag, values that do not fit in an entry placed right after it
/// (each at an even offset), in the file's byte order, for classic TIFF or BigTIFF.
/// </summary>
internal sealed class TiffIfdBuilder
{
    private readonly bool _littleEndian;
    private readonly bool _bigTiff;
    private readonly List<(ushort Tag, ushort Type, long Count, byte[] Data)> _entries = [];

    public TiffIfdBuilder(bool littleEndian, bool bigTiff)
    {
        _littleEndian = littleEndian;
        _bigTiff = bigTiff;
    }

    private int OffsetSize => _bigTiff ? 8 : 4;

    public void AddShort(ushort tag, ushort value)
    {
        var data = new byte[2];
        WriteUInt16(data, value);
        _entries.Add((tag, TiffFieldType.Short, 1, data));
    }

    public void AddLong(ushort tag, uint value)
    {
        var data = new byte[4];
        WriteUInt32(data, value);
        _entries.Add((tag, TiffFieldType.Long, 1, data));
    }

    /// <summary>Offsets or byte counts: LONG in classic TIFF, LONG8 in BigTIFF.</summary>
    public void AddOffsets(ushort tag, ReadOnlySpan<long> values)
    {
        var data = new byte[values.Length * OffsetSize];
        for (var i = 0; i < values.Length; i++)
        {
            WriteWord(data.AsSpan(i * OffsetSize), values[i]);
        }

        _entries.Add((tag, _bigTiff ? TiffFieldType.Long8 : TiffFieldType.Long, values.Length, data));
    }

    public void AddRational(ushort tag, uint numerator, uint denominator)
    {
        var data = new byte[8];
        WriteUInt32(data, numerator);
        WriteUInt32(data.AsSpan(4), denominator);
        _entries.Add((tag, TiffFieldType.Rational, 1, data));
    }

    /// <summary>Text with its terminating NUL, as TIFF ASCII fields require.</summary>
    public void AddAscii(ushort tag, string text)
    {
        var data = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, data);
        _entries.Add((tag, TiffFieldType.Ascii, data.Length, data));
    }

    /// <summary>The IFD placed at <paramref name="start"/>, pointing to one right after it unless <paramref name="last"/>.</summary>
    public byte[] Build(long start, bool last)
    {
        _entries.Sort((a, b) => a.Tag.CompareTo(b.Tag));
        var countSize = _bigTiff ? 8 : 2;
        var entrySize = _bigTiff ? 20 : 12;
        var inlineSize = OffsetSize;
        var headerLength = countSize + (_entries.Count * entrySize) + OffsetSize;
        var length = (long)headerLength;
        foreach (var e in _entries)
        {
            if (e.Data.Length > inlineSize)
            {
                length += Even(e.Data.Length);
            }
        }

        var bytes = new byte[length];
        var span = bytes.AsSpan();
        if (_bigTiff)
        {
            WriteUInt64(span, (ulong)_entries.Count);
        }
        else
        {
            WriteUInt16(span, (ushort)_entries.Count);
        }

        var extra = headerLength;
        for (var i = 0; i < _entries.Count; i++)
        {
            var (tag, type, count, data) = _entries[i];
            var entry = span.Slice(countSize + (i * entrySize), entrySize);
            WriteUInt16(entry, tag);
            WriteUInt16(entry[2..], type);
            WriteWord(entry[4..], count);
            var field = entry[(_bigTiff ? 12 : 8)..];
            if (data.Length <= inlineSize)
            {
                data.CopyTo(field);
            }
            else
            {
                WriteWord(field, start + extra);
                data.CopyTo(span[extra..]);
                extra += Even(data.Length);
            }
        }

        WriteWord(span.Slice(headerLength - OffsetSize), last ? 0 : start + length);
        return bytes;
    }

    private static int Even(int n) => n + (n & 1);

    private void WriteWord(Span<byte> destination, long value)
    {
        if (_bigTiff)
        {
            WriteUInt64(destination, (ulong)value);
        }
        else
        {
            WriteUInt32(destination, checked((uint)value));
        }
    }

    private void WriteUInt16(Span<byte> destination, ushort value)
    {
        if (_littleEndian)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination, value);
        }
    }

    private void WriteUInt32(Span<byte> destination, uint value)
    {
        if (_littleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, value);
        }
    }

    private void WriteUInt64(Span<byte> destination, ulong value)
    {
        if (_littleEndian)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination, value);
        }
    }
}
