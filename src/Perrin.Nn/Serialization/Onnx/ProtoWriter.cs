using System.Buffers.Binary;
using System.Text;

namespace Perrin.Nn.Serialization.Onnx;

/// <summary>
/// Encodes protocol buffers messages in the wire format: tags, varints, fixed 32/64-bit values and
/// length-delimited fields. A nested message is built in its own writer and embedded with
/// <see cref="WriteMessage(int, ProtoWriter)"/>, because its length prefix must precede it.
/// </summary>
public sealed class ProtoWriter
{
    private byte[] _buffer;
    private int _length;

    public ProtoWriter(int capacity = 256) => _buffer = new byte[Math.Max(capacity, 16)];

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void WriteTag(int field, ProtoWireType wireType)
    {
        if (field is < 1 or > (1 << 29) - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(field), field, "protobuf field numbers run from 1 to 2^29-1");
        }

        WriteVarint(((ulong)field << 3) | (ulong)wireType);
    }

    public void WriteVarint(ulong value)
    {
        var span = Reserve(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        _length += n;
    }

    /// <summary>An int64 (or enum/int32) field; negative values take ten bytes, as the wire format requires.</summary>
    public void WriteInt64(int field, long value)
    {
        WriteTag(field, ProtoWireType.Varint);
        WriteVarint(unchecked((ulong)value));
    }

    public void WriteUInt64(int field, ulong value)
    {
        WriteTag(field, ProtoWireType.Varint);
        WriteVarint(value);
    }

    public void WriteFixed32(int field, uint value)
    {
        WriteTag(field, ProtoWireType.Fixed32);
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);
        _length += 4;
    }

    public void WriteFixed64(int field, ulong value)
    {
        WriteTag(field, ProtoWireType.Fixed64);
        BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
        _length += 8;
    }

    public void WriteFloat(int field, float value) => WriteFixed32(field, BitConverter.SingleToUInt32Bits(value));

    public void WriteDouble(int field, double value) => WriteFixed64(field, BitConverter.DoubleToUInt64Bits(value));

    public void WriteBytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, ProtoWireType.LengthDelimited);
        WriteVarint((ulong)value.Length);
        value.CopyTo(Reserve(value.Length));
        _length += value.Length;
    }

    public void WriteString(int field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteBytes(field, Encoding.UTF8.GetBytes(value));
    }

    public void WriteMessage(int field, ProtoWriter message)
    {
        ArgumentNullException.ThrowIfNull(message);
        WriteBytes(field, message.WrittenSpan);
    }

    public void WriteMessage(int field, Action<ProtoWriter> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var message = new ProtoWriter();
        build(message);
        WriteMessage(field, message);
    }

    private Span<byte> Reserve(int count)
    {
        var needed = (long)_length + count;
        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException($"protobuf message would exceed {Array.MaxLength} bytes");
        }

        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _buffer.Length)));
        }

        return _buffer.AsSpan(_length, count);
    }
}
