using System.Buffers;
using Perrin.Core.IO.Compression;

namespace Perrin.Core.Tests.IO.Compression;

public class PackBitsTests
{
    // TIFF 6.0, section 9 (PackBits Compression), the example given there.
    private static readonly byte[] SpecPacked = Convert.FromHexString("FEAA0280002AFDAA0380002A22F7AA");

    private static readonly byte[] SpecUnpacked = Convert.FromHexString("AAAAAA80002AAAAAAAAA80002A22AAAAAAAAAAAAAAAAAAAA");

    [Fact]
    public void DecodesTheExampleOfTheTiffSpecification()
    {
        var output = CodecSamples.DecodeGuarded(PackBits.Decode, SpecPacked, SpecUnpacked.Length);
        Assert.Equal(SpecUnpacked, output);
    }

    [Fact]
    public void EncodesTheExampleOfTheTiffSpecificationToTheSameBytes()
    {
        Assert.Equal(SpecPacked, Encode(SpecUnpacked));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("07", "0007")]
    [InlineData("010203", "02010203")]
    [InlineData("AAAAAA", "FEAA")]
    [InlineData("0909", "010909")]
    [InlineData("01AAAAAA02", "0001FEAA0002")]
    public void EncodesSmallInputsToKnownBytes(string input, string expected)
    {
        Assert.Equal(Convert.FromHexString(expected), Encode(Convert.FromHexString(input)));
    }

    [Fact]
    public void SplitsRunsAndLiteralsAt128Bytes()
    {
        var packed = Encode([.. Enumerable.Repeat((byte)7, 300)]);
        Assert.Equal(Convert.FromHexString("8107" + "8107" + "D507"), packed);

        var literals = Enumerable.Range(0, 130).Select(i => (byte)i).ToArray();
        packed = Encode(literals);
        Assert.Equal(1 + 128 + 1 + 2, packed.Length);
        Assert.Equal(0x7F, packed[0]);
        Assert.Equal(0x01, packed[129]);
    }

    [Theory]
    [MemberData(nameof(CodecSamples.Names), MemberType = typeof(CodecSamples))]
    public void RoundTripsBitExactly(string sample)
    {
        var input = CodecSamples.Get(sample);
        var packed = Encode(input);
        Assert.True(packed.Length <= input.Length + ((input.Length + 127) / 128), "worse than the literal-only bound");
        Assert.Equal(input, CodecSamples.DecodeGuarded(PackBits.Decode, packed, input.Length));
    }

    [Fact]
    public void SkipsTheNoOpHeader()
    {
        var output = CodecSamples.DecodeGuarded(PackBits.Decode, Convert.FromHexString("80FE0780"), 3);
        Assert.Equal(Convert.FromHexString("070707"), output);
    }

    [Fact]
    public void StopsAtAFullDestinationAndReportsAShortSource()
    {
        Assert.Equal(Convert.FromHexString("0707"), CodecSamples.DecodeGuarded(PackBits.Decode, Convert.FromHexString("FC07"), 2));
        Assert.Equal(Convert.FromHexString("0102"), CodecSamples.DecodeGuarded(PackBits.Decode, Convert.FromHexString("03010203040506"), 2));
        Assert.Equal(Convert.FromHexString("0909"), CodecSamples.DecodeGuarded(PackBits.Decode, Convert.FromHexString("FF09"), 10));
    }

    [Fact]
    public void RejectsARecordCutOffByTheEndOfTheSource()
    {
        var literal = Assert.Throws<InvalidDataException>(() => PackBits.Decode(Convert.FromHexString("FF0904AABB"), new byte[20]));
        Assert.Contains("byte 2", literal.Message, StringComparison.Ordinal);

        var repeat = Assert.Throws<InvalidDataException>(() => PackBits.Decode(Convert.FromHexString("0011FE"), new byte[20]));
        Assert.Contains("byte 2", repeat.Message, StringComparison.Ordinal);
    }

    private static byte[] Encode(byte[] input)
    {
        var writer = new ArrayBufferWriter<byte>();
        PackBits.Encode(input, writer);
        return writer.WrittenSpan.ToArray();
    }
}
