using System.Buffers.Binary;
using System.Text;
using Perrin.Nn.Serialization.Onnx;

namespace Perrin.Nn.Tests.Serialization.Onnx;

/// <summary>A minimal protobuf wire-format decoder for checking what ProtoWriter produced, written from the encoding spec.</summary>
internal sealed class ProtoMessage
{
    private ProtoMessage(List<ProtoField> fields) => Fields = fields;

    public IReadOnlyList<ProtoField> Fields { get; }

    public static ProtoMessage Parse(ReadOnlySpan<byte> bytes)
    {
        var fields = new List<ProtoField>();
        var i = 0;
        while (i < bytes.Length)
        {
            var tag = ReadVarint(bytes, ref i);
            var number = (int)(tag >> 3);
            var wire = (ProtoWireType)(tag & 7);
            Assert.True(number > 0, $"field number 0 at byte {i}");
            switch (wire)
            {
                case ProtoWireType.Varint:
                    fields.Add(new ProtoField(number, wire, ReadVarint(bytes, ref i), []));
                    break;
                case ProtoWireType.Fixed64:
                    fields.Add(new ProtoField(number, wire, BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]), []));
                    i += 8;
                    break;
                case ProtoWireType.Fixed32:
                    fields.Add(new ProtoField(number, wire, BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]), []));
                    i += 4;
                    break;
                case ProtoWireType.LengthDelimited:
                    var length = (int)ReadVarint(bytes, ref i);
                    fields.Add(new ProtoField(number, wire, 0, bytes.Slice(i, length).ToArray()));
                    i += length;
                    break;
                default:
                    Assert.Fail($"unexpected wire type {(int)wire} for field {number}");
                    break;
            }
        }

        return new ProtoMessage(fields);
    }

    public IEnumerable<ProtoField> All(int number) => Fields.Where(f => f.Number == number);

    public ProtoField One(int number) => Assert.Single(All(number));

    public bool Has(int number) => All(number).Any();

    public long Int(int number) => (long)Expect(One(number), ProtoWireType.Varint).Value;

    public long[] Ints(int number) => All(number).Select(f => (long)Expect(f, ProtoWireType.Varint).Value).ToArray();

    public float Float(int number) => BitConverter.UInt32BitsToSingle((uint)Expect(One(number), ProtoWireType.Fixed32).Value);

    public string String(int number) => Encoding.UTF8.GetString(Expect(One(number), ProtoWireType.LengthDelimited).Bytes);

    public string[] Strings(int number) => All(number).Select(f => Encoding.UTF8.GetString(Expect(f, ProtoWireType.LengthDelimited).Bytes)).ToArray();

    public ProtoMessage Message(int number) => Parse(Expect(One(number), ProtoWireType.LengthDelimited).Bytes);

    public ProtoMessage[] Messages(int number) => All(number).Select(f => Parse(Expect(f, ProtoWireType.LengthDelimited).Bytes)).ToArray();

    private static ProtoField Expect(ProtoField field, ProtoWireType wire)
    {
        Assert.Equal(wire, field.WireType);
        return field;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = bytes[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        Assert.Fail("varint longer than 10 bytes");
        return 0;
    }
}
