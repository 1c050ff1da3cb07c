using System.Runtime.InteropServices;
using Perrin.Core.Imaging;

namespace Perrin.Core.Tests.Imaging;

public sealed class PixelCodecTests
{
    [Fact]
    public void IntegersRoundHalfAwayFromZeroAndSaturate()
    {
        float[] values = [-1e9f, -32768.5f, -2.5f, -0.5f, 0.49f, 0.5f, 2.5f, 254.5f, 65535.4f, 1e9f, float.NaN, float.PositiveInfinity];

        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 1, 3, 255, 255, 255, 0, 255 }, Encode<byte>(PixelType.UInt8, values));
        Assert.Equal(new sbyte[] { -128, -128, -3, -1, 0, 1, 3, 127, 127, 127, 0, 127 }, Encode<sbyte>(PixelType.Int8, values));
        Assert.Equal(new ushort[] { 0, 0, 0, 0, 0, 1, 3, 255, 65535, 65535, 0, 65535 }, Encode<ushort>(PixelType.UInt16, values));
        Assert.Equal(new short[] { -32768, -32768, -3, -1, 0, 1, 3, 255, 32767, 32767, 0, 32767 }, Encode<short>(PixelType.Int16, values));
        Assert.Equal(new uint[] { 0, 0, 0, 0, 0, 1, 3, 255, 65535, 1_000_000_000, 0, uint.MaxValue }, Encode<uint>(PixelType.UInt32, values));
        Assert.Equal(new int[] { -1_000_000_000, -32769, -3, -1, 0, 1, 3, 255, 65535, 1_000_000_000, 0, int.MaxValue }, Encode<int>(PixelType.Int32, values));
    }

    [Theory]
    [InlineData(PixelType.UInt8)]
    [InlineData(PixelType.Int8)]
    [InlineData(PixelType.UInt16)]
    [InlineData(PixelType.Int16)]
    [InlineData(PixelType.UInt32)]
    [InlineData(PixelType.Int32)]
    [InlineData(PixelType.Float32)]
    [InlineData(PixelType.Float64)]
    public void EveryValueOfAFloatExactRangeSurvivesTheRoundTrip(PixelType type)
    {
        var (min, max) = PixelCodec.Range(type);
        var random = new Random(3);
        var values = Enumerable.Range(0, 1000)
            .Select(_ => (float)Math.Round(Math.Max(min, -16_777_216) + (random.NextDouble() * (Math.Min(max, 16_777_216) - Math.Max(min, -16_777_216)))))
            .Append((float)Math.Max(min, -16_777_216))
            .ToArray();
        var raw = new byte[values.Length * type.BytesPerSample()];
        var back = new float[values.Length];

        PixelCodec.FromFloat(type, values, raw);
        PixelCodec.ToFloat(type, raw, back);

        Assert.Equal(values, back);
    }

    [Fact]
    public void Float32IsCopiedBitForBitIncludingNaNPayloads()
    {
        float[] values = [BitConverter.Int32BitsToSingle(0x7FC0_1234), -0f, float.Epsilon, float.MaxValue];
        var raw = new byte[16];
        var back = new float[4];
        PixelCodec.FromFloat(PixelType.Float32, values, raw);
        PixelCodec.ToFloat(PixelType.Float32, raw, back);
        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), back.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void ReverseEndiannessSwapsEachSample()
    {
        byte[] two = [1, 2, 3, 4];
        PixelCodec.ReverseEndianness(PixelType.UInt16, two);
        Assert.Equal(new byte[] { 2, 1, 4, 3 }, two);

        byte[] four = [1, 2, 3, 4, 5, 6, 7, 8];
        PixelCodec.ReverseEndianness(PixelType.Float32, four);
        Assert.Equal(new byte[] { 4, 3, 2, 1, 8, 7, 6, 5 }, four);

        byte[] eight = [1, 2, 3, 4, 5, 6, 7, 8];
        PixelCodec.ReverseEndianness(PixelType.Float64, eight);
        Assert.Equal(new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 }, eight);

        byte[] one = [1, 2];
        PixelCodec.ReverseEndianness(PixelType.UInt8, one);
        Assert.Equal(new byte[] { 1, 2 }, one);
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => PixelCodec.ToFloat(PixelType.UInt16, new byte[5], new float[3]));
        Assert.Throws<ArgumentException>(() => PixelCodec.FromFloat(PixelType.Int32, new float[2], new byte[7]));
    }

    [Fact]
    public void ShortNamesParseBack()
    {
        foreach (var type in Enum.GetValues<PixelType>())
        {
            Assert.True(PixelTypeExtensions.TryParse(type.ShortName(), out var parsed));
            Assert.Equal(type, parsed);
            Assert.Equal(type.BytesPerSample() * 8, type.BitsPerSample());
        }

        Assert.False(PixelTypeExtensions.TryParse("u12", out _));
    }

    private static T[] Encode<T>(PixelType type, float[] values)
        where T : unmanaged
    {
        var raw = new byte[values.Length * type.BytesPerSample()];
        PixelCodec.FromFloat(type, values, raw);
        return MemoryMarshal.Cast<byte, T>(raw).ToArray();
    }
}
