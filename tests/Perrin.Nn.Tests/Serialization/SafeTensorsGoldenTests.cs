using System.Text;
using Perrin.Nn.Serialization;

namespace Perrin.Nn.Tests.Serialization;

public class SafeTensorsGoldenTests
{
    [Fact]
    public void TinyFileMatchesTheFormatByteForByte()
    {
        var writer = new SafeTensorsWriter()
            .Add(new NamedArray("b", [2], [1f, -2f]))
            .Add(new NamedInt64Array("a", [], [7]))
            .AddMetadata("k", "v");

        // 8-byte header length, compact JSON (metadata first, then tensors by element size and name),
        // spaces up to a multiple of 8, then the data: int64 7, then float32 1.0 and -2.0, all little-endian.
        const string json = "{\"__metadata__\":{\"k\":\"v\"},\"a\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}";
        Assert.Equal(132, json.Length);
        var expected = new List<byte> { 136, 0, 0, 0, 0, 0, 0, 0 };
        expected.AddRange(Encoding.ASCII.GetBytes(json + "    "));
        expected.AddRange([7, 0, 0, 0, 0, 0, 0, 0]);
        expected.AddRange([0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0]);

        Assert.Equal(expected.ToArray(), writer.ToArray());
    }

    [Fact]
    public void ReadsOtherDtypesAndConvertsWhenAsked()
    {
        var data = new List<byte>();
        data.AddRange(BitConverter.GetBytes(0.1));                                      // F64 [1], 0..8
        data.AddRange(BitConverter.GetBytes(-3_000_000_000L));                           // I64 [1], 8..16
        data.AddRange(BitConverter.GetBytes(-5));                                        // I32 [1], 16..20
        data.AddRange([0x00, 0x3C, 0x00, 0xC0]);                                         // F16 [2]: 1, -2; 20..24
        data.AddRange([0x80, 0x3F, 0xC0, 0x7F]);                                         // BF16 [2]: 1, NaN; 24..28
        data.AddRange([0, 200, 255, 1]);                                                 // U8 [4], 28..32
        const string header = "{\"d\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
            + "\"l\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[8,16]},"
            + "\"i\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[16,20]},"
            + "\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[20,24]},"
            + "\"bf\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[24,28]},"
            + "\"u\":{\"dtype\":\"U8\",\"shape\":[2,2],\"data_offsets\":[28,32]}}";
        using var reader = SafeTensorsBytes.Open(SafeTensorsBytes.Build(header, [.. data], pad: false));

        Assert.Equal([(float)0.1], reader.ReadFloat32("d", convert: true).Data);
        Assert.Equal([-3e9f], reader.ReadFloat32("l", convert: true).Data);
        Assert.Equal([-5L], reader.ReadInt64("i", convert: true).Data);
        Assert.Equal([1f, -2f], reader.ReadFloat32("h", convert: true).Data);
        var bf = reader.ReadFloat32("bf", convert: true);
        Assert.Equal([1, 2], bf.Shape);
        Assert.Equal(1f, bf.Data[0]);
        Assert.Equal(0x7FC0_0000, BitConverter.SingleToInt32Bits(bf.Data[1]));
        Assert.Equal([0f, 200f, 255f, 1f], reader.ReadFloat32("u", convert: true).Data);
        Assert.Equal([0L, 200L, 255L, 1L], reader.ReadInt64("u", convert: true).Data);
        Assert.Equal([0x00, 0x3C, 0x00, 0xC0], reader.ReadBytes("h"));
    }

    [Fact]
    public void ADifferentDtypeIsRefusedUnlessConversionIsAsked()
    {
        const string header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}";
        using var reader = SafeTensorsBytes.Open(SafeTensorsBytes.Build(header, [0, 0x3C, 0, 0x3C]), "half.safetensors");
        var e = Assert.Throws<Perrin.Core.IO.PerrinFormatException>(() => reader.ReadFloat32("h"));
        Assert.Contains("half.safetensors", e.Message);
        Assert.Contains("tensor 'h' has dtype F16, expected F32", e.Message);
        Assert.Throws<Perrin.Core.IO.PerrinFormatException>(() => reader.ReadInt64("h", convert: true));
        Assert.Contains("no tensor 'x'", Assert.Throws<Perrin.Core.IO.PerrinFormatException>(() => reader.ReadFloat32("x")).Message);
    }
}
