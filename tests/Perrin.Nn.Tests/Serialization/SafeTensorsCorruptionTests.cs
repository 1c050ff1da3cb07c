using System.Buffers.Binary;
using Perrin.Nn.Serialization;

namespace Perrin.Nn.Tests.Serialization;

public class SafeTensorsCorruptionTests
{
    private const string Two = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";

    private static readonly byte[] ThreeFloats = SafeTensorsBytes.Floats(1f, 2f, 3f);

    private static string Refused(string header, byte[] data) => SafeTensorsBytes.Fails(SafeTensorsBytes.Build(header, data)).Message;

    private static string Tensor(string name, string dtype, string shape, long begin, long end) =>
        $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":{shape},\"data_offsets\":[{begin},{end}]}}";

    [Fact]
    public void TheValidBaseFileLoads()
    {
        using var reader = SafeTensorsBytes.Open(SafeTensorsBytes.Build(Two, ThreeFloats));
        Assert.Equal([2f, 3f], reader.ReadFloat32("b").Data);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(7)]
    public void FilesShorterThanTheLengthPrefixAreRefused(int length)
    {
        var e = SafeTensorsBytes.Fails(new byte[length]);
        Assert.Contains($"{length} bytes long", e.Message);
        Assert.StartsWith("test.safetensors, byte 0:", e.Message);
    }

    [Fact]
    public void TruncatedHeaderNamesTheLength()
    {
        var file = SafeTensorsBytes.Build(Two, ThreeFloats);
        var e = SafeTensorsBytes.Fails(file[..40]);
        Assert.Contains("runs past the end of the 40-byte file", e.Message);
    }

    [Fact]
    public void TruncatedDataIsRefusedAtOpen()
    {
        var file = SafeTensorsBytes.Build(Two, ThreeFloats);
        var e = SafeTensorsBytes.Fails(file[..^2]);
        Assert.Contains("tensor 'b'", e.Message);
        Assert.Contains("do not lie within the 10-byte data region", e.Message);
    }

    [Fact]
    public void HugeHeaderLengthIsRefusedBeforeAllocating()
    {
        var file = SafeTensorsBytes.Build(Two, ThreeFloats);
        BinaryPrimitives.WriteUInt64LittleEndian(file, ulong.MaxValue);
        Assert.Contains("runs past the end", SafeTensorsBytes.Fails(file).Message);

        var big = new byte[8 + (SafeTensorsReader.MaxHeaderBytes + 8)];
        BinaryPrimitives.WriteUInt64LittleEndian(big, (ulong)SafeTensorsReader.MaxHeaderBytes + 8);
        Assert.Contains("exceeds the", SafeTensorsBytes.Fails(big).Message);
    }

    [Theory]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},}", "not valid JSON")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}x", "not valid JSON")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}} {}", "not valid JSON")]
    [InlineData("{\"a\":[0,4]}", "tensor 'a' must be an object")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", "tensor 'a' has no 'data_offsets'")]
    [InlineData("{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", "tensor 'a' has no 'dtype'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", "tensor 'a' has no 'shape'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "field 'dtype' appears twice")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", "unexpected field 'x'")]
    [InlineData("{\"a\":{\"dtype\":32,\"shape\":[1],\"data_offsets\":[0,4]}}", "dtype must be a string")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", "shape must hold integers")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", "shape must hold integers")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296],\"data_offsets\":[0,4]}}", "shape must hold integers")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":1,\"data_offsets\":[0,4]}}", "shape must be an array")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", "must hold 2 numbers")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,4]}}", "must hold 2 numbers")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,\"4\"]}}", "data_offsets must hold integers")]
    [InlineData("{\"__metadata__\":{\"k\":1},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "metadata value of 'k' must be a string")]
    [InlineData("{\"__metadata__\":{\"k\":{\"x\":\"y\"}},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "metadata value of 'k' must be a string")]
    [InlineData("{\"__metadata__\":[\"k\"],\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "must be an object of strings")]
    [InlineData("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "metadata key 'k' appears twice")]
    [InlineData("{\"__metadata__\":{},\"__metadata__\":{},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "appears twice")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "tensor 'a' appears twice")]
    [InlineData("{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[4],\"data_offsets\":[0,4]}}", "unknown dtype 'F8_E4M3'")]
    [InlineData("{\"a\":{\"dtype\":\"f32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "unknown dtype 'f32'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", "shape [2] of F32 needs 8 bytes but data_offsets [0,4] span 4")]
    [InlineData("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,4]}}", "needs 8 bytes")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,2147483647],\"data_offsets\":[0,4]}}", "needs more than 2^63 bytes")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", "do not lie within")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[9223372036854775803,9223372036854775807]}}", "do not lie within")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]} \u0000", "not valid JSON")]
    public void BadHeadersAreRefusedWithAMessage(string header, string expected)
    {
        var e = SafeTensorsBytes.Fails(SafeTensorsBytes.Build(header, SafeTensorsBytes.Floats(1f)));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("test.safetensors", e.Message);
    }

    [Fact]
    public void OverlappingTensorsAreRefused()
    {
        var header = "{" + Tensor("a", "F32", "[2]", 0, 8) + "," + Tensor("b", "F32", "[2]", 4, 12) + "}";
        Assert.Contains("tensor 'b' (data_offsets [4,12]) overlaps tensor 'a' (data_offsets [0,8])", Refused(header, ThreeFloats));
    }

    [Fact]
    public void AliasedTensorsAreRefused()
    {
        var header = "{" + Tensor("a", "F32", "[3]", 0, 12) + "," + Tensor("b", "F32", "[3]", 0, 12) + "}";
        Assert.Contains("overlaps", Refused(header, ThreeFloats));
    }

    [Fact]
    public void GapsBetweenTensorsAreRefused()
    {
        var header = "{" + Tensor("a", "F32", "[1]", 0, 4) + "," + Tensor("b", "F32", "[1]", 8, 12) + "}";
        Assert.Contains("data bytes [4,8) before tensor 'b' belong to no tensor", Refused(header, ThreeFloats));
    }

    [Fact]
    public void TrailingDataIsRefused()
    {
        var header = "{" + Tensor("a", "F32", "[2]", 0, 8) + "}";
        Assert.Contains("the tensors end at data byte 8 but the data region holds 12 bytes", Refused(header, ThreeFloats));
        Assert.Contains("holds 12 bytes", Refused("{}", ThreeFloats));
    }

    [Fact]
    public void InvalidUtf8InTheHeaderIsRefused()
    {
        var file = SafeTensorsBytes.Build("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", SafeTensorsBytes.Floats(1f));
        file[10] = 0xFF;
        Assert.Contains("test.safetensors", SafeTensorsBytes.Fails(file).Message);
    }

    [Fact]
    public void ErrorsNameTheByteOffsetOfTheOffendingEntry()
    {
        var header = "{" + Tensor("a", "F32", "[1]", 0, 4) + "," + Tensor("b", "I99", "[1]", 4, 8) + "}";
        var e = SafeTensorsBytes.Fails(SafeTensorsBytes.Build(header, ThreeFloats[..8]));
        Assert.Equal(8 + header.IndexOf("\"b\"", StringComparison.Ordinal), e.Offset);
    }
}
