using System.Buffers.Binary;
using System.Text;

namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>
/// Builds classic TIFF files byte by byte, independently of Perrin's writer, so that the reader is checked
/// against files that its own writer did not make (and against deliberately broken ones).
/// </summary>
internal sealed class TiffFixture
{
    public const ushort Short = 3;
    public const ushort Long = 4;
    public const ushort Rational = 5;
    public const ushort AsciiString = 2;

    private readonly List<byte> _bytes = [];

    public TiffFixture(bool littleEndian)
    {
        LittleEndian = littleEndian;
        _bytes.AddRange(littleEndian ? "II"u8.ToArray() : "MM"u8.ToArray());
        AddU16(42);
        AddU32(0);
    }

    public bool LittleEndian { get; }

    public int Length => _bytes.Count;

    public byte[] ToArray() => [.. _bytes];

    /// <summary>Appends raw bytes at an even offset and returns that offset.</summary>
    public int Append(ReadOnlySpan<byte> data)
    {
        Align();
        var at = _bytes.Count;
        _bytes.AddRange(data.ToArray());
        return at;
    }

    public int AppendAscii(string text) => Append(Encoding.ASCII.GetBytes(text + "\0"));

    /// <summary>Appends an IFD (next offset 0) and returns its offset. Values are inline: SHORT in the first 2 bytes, else 4 bytes.</summary>
    public int AppendIfd(params (ushort Tag, ushort Type, uint Count, uint Value)[] entries)
    {
        Align();
        var at = _bytes.Count;
        AddU16((ushort)entries.Length);
        foreach (var (tag, type, count, value) in entries.OrderBy(e => e.Tag))
        {
            AddU16(tag);
            AddU16(type);
            AddU32(count);
            if (type == Short && count == 1)
            {
                AddU16((ushort)value);
                AddU16(0);
            }
            else
            {
                AddU32(value);
            }
        }

        AddU32(0);
        return at;
    }

    public void SetFirstIfd(int offset) => PutU32(4, (uint)offset);

    /// <summary>Makes the IFD at <paramref name="ifd"/> point to <paramref name="next"/>.</summary>
    public void Link(int ifd, int next)
    {
        var count = GetU16(ifd);
        PutU32(ifd + 2 + (12 * count), (uint)next);
    }

    public void PutU32(int offset, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        if (LittleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, value);
        }

        for (var i = 0; i < 4; i++)
        {
            _bytes[offset + i] = b[i];
        }
    }

    private ushort GetU16(int offset)
    {
        var b = new[] { _bytes[offset], _bytes[offset + 1] };
        return LittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b);
    }

    private void Align()
    {
        if ((_bytes.Count & 1) != 0)
        {
            _bytes.Add(0);
        }
    }

    private void AddU16(ushort value)
    {
        _bytes.Add(LittleEndian ? (byte)value : (byte)(value >> 8));
        _bytes.Add(LittleEndian ? (byte)(value >> 8) : (byte)value);
    }

    private void AddU32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        if (LittleEndian)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, value);
        }

        _bytes.AddRange(b.ToArray());
    }
}
