using Perrin.Nn.Serialization.Onnx;

namespace Perrin.Nn.Tests.Serialization.Onnx;

public class ProtoWriterTests
{
    // Reference encodings from the protocol buffers encoding guide.
    [Fact]
    public void VarintFieldMatchesTheSpecExample()
    {
        var w = new ProtoWriter();
        w.WriteInt64(1, 150);
        Assert.Equal([0x08, 0x96, 0x01], w.ToArray());
    }

    [Fact]
    public void StringFieldMatchesTheSpecExample()
    {
        var w = new ProtoWriter();
        w.WriteString(2, "testing");
        Assert.Equal([0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67], w.ToArray());
    }

    [Fact]
    public void NestedMessageMatchesTheSpecExample()
    {
        var w = new ProtoWriter();
        w.WriteMessage(3, inner => inner.WriteInt64(1, 150));
        Assert.Equal([0x1a, 0x03, 0x08, 0x96, 0x01], w.ToArray());
    }

    [Fact]
    public void NegativeInt64TakesTenBytes()
    {
        var w = new ProtoWriter();
        w.WriteInt64(1, -1);
        Assert.Equal([0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], w.ToArray());
    }

    [Fact]
    public void FixedWidthValuesAreLittleEndian()
    {
        var w = new ProtoWriter();
        w.WriteFloat(2, 1f);
        w.WriteDouble(1, -2.0);
        w.WriteFixed32(5, 0x01020304);
        Assert.Equal(
            [0x15, 0x00, 0x00, 0x80, 0x3F, 0x09, 0, 0, 0, 0, 0, 0, 0x00, 0xC0, 0x2D, 0x04, 0x03, 0x02, 0x01],
            w.ToArray());
    }

    [Fact]
    public void LargeFieldNumbersAndLongPayloadsUseMultiByteVarints()
    {
        var w = new ProtoWriter(16);
        var payload = new byte[300];
        payload[299] = 7;
        w.WriteBytes(20, payload);
        var bytes = w.ToArray();
        Assert.Equal([0xA2, 0x01, 0xAC, 0x02], bytes[..4]);
        Assert.Equal(304, bytes.Length);
        Assert.Equal(payload, ProtoMessage.Parse(bytes).One(20).Bytes);
    }

    [Fact]
    public void FieldNumberZeroIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProtoWriter().WriteInt64(0, 1));
    }
}
