using System.Buffers;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.Tests.IO.Compression;

public class TiffLzwTests
{
    // TIFF 6.0, section 13: the input 7 7 7 8 8 7 7 6 6 gives the codes Clear 7 258 8 8 258 6 6 EOI, all 9 bits
    // wide, packed most significant bit first and padded with zero bits to a whole byte.
    private static readonly byte[] SpecInput = [7, 7, 7, 8, 8, 7, 7, 6, 6];
    private static readonly byte[] SpecCodes = Convert.FromHexString("8001E0408044080C068080");

    [Fact]
    public void EncodesTheExampleOfTheTiffSpecification()
    {
        Assert.Equal(SpecCodes, Encode(SpecInput));
    }

    [Fact]
    public void DecodesTheExampleOfTheTiffSpecification()
    {
        Assert.Equal(SpecInput, CodecSamples.DecodeGuarded(TiffLzw.Decode, SpecCodes, SpecInput.Length));
    }

    [Theory]
    [InlineData("", "804040")] // Clear EOI: 100000000 100000001
    [InlineData("07", "8001E020")] // Clear 7 EOI: 100000000 000000111 100000001
    [InlineData("070707", "8001E05010")] // Clear 7 258 EOI, where 258 is defined by its own use
    public void EncodesTinyInputsToHandPackedBits(string input, string expected)
    {
        var bytes = Convert.FromHexString(input);
        Assert.Equal(Convert.FromHexString(expected), Encode(bytes));
        Assert.Equal(bytes, CodecSamples.DecodeGuarded(TiffLzw.Decode, Convert.FromHexString(expected), bytes.Length));
    }

    [Theory]
    [MemberData(nameof(CodecSamples.Names), MemberType = typeof(CodecSamples))]
    public void RoundTripsBitExactly(string sample)
    {
        var input = CodecSamples.Get(sample);
        Assert.Equal(input, CodecSamples.DecodeGuarded(TiffLzw.Decode, Encode(input), input.Length));
    }

    [Theory]
    [MemberData(nameof(CodecSamples.Names), MemberType = typeof(CodecSamples))]
    public void StartsWithClearEndsWithEndOfInformationAndClearsBefore4094Entries(string sample)
    {
        var codes = ReadCodes(Encode(CodecSamples.Get(sample)), out var largestNextCode);
        Assert.Equal(256, codes[0]);
        Assert.Equal(257, codes[^1]);
        Assert.InRange(largestNextCode, 258, 4093);
    }

    [Fact]
    public void ClearsTheTableOnLongIncompressibleInput()
    {
        var codes = ReadCodes(Encode(CodecSamples.Get("random")), out _);
        Assert.True(codes.Count(c => c == 256) >= 4, "random input of 20000 bytes fills the table several times");
    }

    [Fact]
    public void AcceptsAStreamThatDoesNotStartWithClear()
    {
        // 65 66 258 EOI
        Assert.Equal("ABAB"u8.ToArray(), CodecSamples.DecodeGuarded(TiffLzw.Decode, Convert.FromHexString("2090A05010"), 4));
    }

    [Fact]
    public void ReturnsWhatWasDecodedWhenTheSourceEndsWithoutEndOfInformation()
    {
        // Clear 65 66, then only padding bits
        Assert.Equal("AB"u8.ToArray(), CodecSamples.DecodeGuarded(TiffLzw.Decode, Convert.FromHexString("80104840"), 10));
    }

    [Fact]
    public void StopsWhenTheDestinationIsFull()
    {
        var input = CodecSamples.Get("runs and literals");
        var encoded = Encode(input);
        foreach (var size in new[] { 0, 1, 2, 3, 100, 1000, input.Length - 1 })
        {
            Assert.Equal(input[..size], CodecSamples.DecodeGuarded(TiffLzw.Decode, encoded, size));
        }

        Assert.Equal(new byte[5], CodecSamples.DecodeGuarded(TiffLzw.Decode, Encode(new byte[100]), 5));
    }

    [Theory]
    [InlineData("804B2020", "byte 1")] // Clear 300: no code above 257 exists right after a Clear
    [InlineData("8001E59010", "byte 2")] // Clear 7 300: the next free code is 258
    public void RejectsCodesThatAreNotInTheTable(string stream, string where)
    {
        var e = Assert.Throws<InvalidDataException>(() => TiffLzw.Decode(Convert.FromHexString(stream), new byte[100]));
        Assert.Contains("300", e.Message, StringComparison.Ordinal);
        Assert.Contains(where, e.Message, StringComparison.Ordinal);
    }

    private static byte[] Encode(byte[] input)
    {
        var writer = new ArrayBufferWriter<byte>();
        TiffLzw.Encode(input, writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Splits a stream into its codes with the decoder's width rule, independently of the codec.</summary>
    private static List<int> ReadCodes(byte[] stream, out int largestNextCode)
    {
        var codes = new List<int>();
        var bit = 0;
        var next = 258;
        var afterClear = true;
        largestNextCode = next;
        while (true)
        {
            var width = next + 1 < 512 ? 9 : next + 1 < 1024 ? 10 : next + 1 < 2048 ? 11 : 12;
            if (bit + width > stream.Length * 8)
            {
                Assert.Fail("the stream ends without EndOfInformation");
            }

            var code = 0;
            for (var i = 0; i < width; i++, bit++)
            {
                code = (code << 1) | ((stream[bit >> 3] >> (7 - (bit & 7))) & 1);
            }

            codes.Add(code);
            if (code == 257)
            {
                return codes;
            }

            if (code == 256)
            {
                next = 258;
                afterClear = true;
                continue;
            }

            if (!afterClear)
            {
                next++;
                largestNextCode = Math.Max(largestNextCode, next);
            }

            afterClear = false;
        }
    }
}
