using System.Buffers;
using System.IO.Compression;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.Tests.IO.Compression;

public class DeflateTests
{
    [Fact]
    public void DecodesAStreamMadeByZlib()
    {
        // zlib.compress(b"hello") from Python's zlib module.
        var stream = Convert.FromHexString("789CCB48CDC9C90700062C0215");
        Assert.Equal("hello"u8.ToArray(), CodecSamples.DecodeGuarded(Deflate.Decode, stream, 5));
    }

    [Fact]
    public void WritesAZlibHeader()
    {
        var stream = Encode([1, 2, 3], CompressionLevel.Optimal);
        Assert.Equal(0x78, stream[0]);
        Assert.Equal(0, ((stream[0] << 8) | stream[1]) % 31);
    }

    [Theory]
    [MemberData(nameof(CodecSamples.Names), MemberType = typeof(CodecSamples))]
    public void RoundTripsBitExactly(string sample)
    {
        var input = CodecSamples.Get(sample);
        foreach (var level in new[] { CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize, CompressionLevel.NoCompression })
        {
            Assert.Equal(input, CodecSamples.DecodeGuarded(Deflate.Decode, Encode(input, level), input.Length));
        }
    }

    [Fact]
    public void StopsWhenTheDestinationIsFull()
    {
        var input = CodecSamples.Get("random");
        var stream = Encode(input, CompressionLevel.Optimal);
        Assert.Equal(input[..777], CodecSamples.DecodeGuarded(Deflate.Decode, stream, 777));
    }

    [Fact]
    public void ReturnsWhatWasDecodedFromATruncatedStream()
    {
        var input = CodecSamples.Get("ramp");
        var stream = Encode(input, CompressionLevel.NoCompression);
        var output = CodecSamples.DecodeGuarded(Deflate.Decode, stream[..(stream.Length / 2)], input.Length);
        Assert.InRange(output.Length, 1, input.Length - 1);
        Assert.Equal(input[..output.Length], output);
    }

    [Theory]
    [InlineData("0000000000")] // not a zlib header
    [InlineData("789DFFFF")] // header check bits wrong
    [InlineData("789CFFFFFFFFFFFF")] // reserved block type 3
    public void WrapsCorruptDataInInvalidDataException(string hex)
    {
        var e = Assert.Throws<InvalidDataException>(() => Deflate.Decode(Convert.FromHexString(hex), new byte[100]));
        Assert.StartsWith("corrupt Deflate data", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7801")]
    public void ProducesNothingFromAnEmptyStream(string hex)
    {
        Assert.Empty(CodecSamples.DecodeGuarded(Deflate.Decode, Convert.FromHexString(hex), 100));
    }

    private static byte[] Encode(byte[] input, CompressionLevel level)
    {
        var writer = new ArrayBufferWriter<byte>();
        Deflate.Encode(input, writer, level);
        return writer.WrittenSpan.ToArray();
    }
}
