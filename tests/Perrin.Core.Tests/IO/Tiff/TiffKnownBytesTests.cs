using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;
using static Perrin.Core.Tests.IO.Tiff.TiffFixture;

namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>Files written out byte by byte here, so reading is not only checked against Perrin's own writer.</summary>
public sealed class TiffKnownBytesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void BigEndianUncompressed16BitTwoFrames()
    {
        byte[] file =
        [
            0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // "MM", 42, first IFD at 8
            0x00, 0x09, // IFD 0 at 8: 9 entries
            0x01, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x03, 0x00, 0x00, // ImageWidth SHORT 3
            0x01, 0x01, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, // ImageLength SHORT 2
            0x01, 0x02, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x10, 0x00, 0x00, // BitsPerSample 16
            0x01, 0x03, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, // Compression 1
            0x01, 0x06, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, // Photometric 1
            0x01, 0x11, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x7A, // StripOffsets LONG 122
            0x01, 0x15, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, // SamplesPerPixel 1
            0x01, 0x16, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, // RowsPerStrip 2
            0x01, 0x17, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0C, // StripByteCounts 12
            0x00, 0x00, 0x00, 0x86, // next IFD at 134
            0x00, 0x01, 0x00, 0x02, 0x00, 0x03, 0x01, 0x00, 0xFF, 0xFF, 0x12, 0x34, // frame 0 at 122
            0x00, 0x09, // IFD 1 at 134
            0x01, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x03, 0x00, 0x00,
            0x01, 0x01, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00,
            0x01, 0x02, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x10, 0x00, 0x00,
            0x01, 0x03, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
            0x01, 0x06, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
            0x01, 0x11, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0xF8, // StripOffsets 248
            0x01, 0x15, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
            0x01, 0x16, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00,
            0x01, 0x17, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x0C,
            0x00, 0x00, 0x00, 0x00, // last IFD
            0x00, 0x07, 0x00, 0x08, 0x00, 0x09, 0x00, 0x0A, 0x00, 0x0B, 0x80, 0x00, // frame 1 at 248
        ];
        var path = _folder.File("be16.tif");
        File.WriteAllBytes(path, file);

        using var reader = TiffReader.Open(path);
        Assert.False(reader.Info.LittleEndian);
        Assert.False(reader.Info.IsBigTiff);
        Assert.Equal(2, reader.FrameCount);
        Assert.Equal((3, 2), (reader.Width, reader.Height));
        Assert.Equal(PixelType.UInt16, reader.PixelType);
        Assert.Equal("none", reader.Info.Compression);
        Assert.Equal(2, reader.Info.RowsPerStrip);
        Assert.Equal(new ushort[] { 1, 2, 3, 256, 65535, 0x1234 }, ReadU16(reader, 0));
        Assert.Equal(new ushort[] { 7, 8, 9, 10, 11, 0x8000 }, ReadU16(reader, 1));
        var floats = new float[6];
        reader.ReadFrame(0, floats);
        Assert.Equal(new float[] { 1, 2, 3, 256, 65535, 0x1234 }, floats);
    }

    [Fact]
    public void PackBitsExampleFromTheTiffSpecification()
    {
        byte[] packed = [0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7, 0xAA];
        byte[] unpacked =
        [
            0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0xAA, 0xAA, 0xAA, 0xAA, 0x80, 0x00,
            0x2A, 0x22, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA,
        ];
        var raw = ReadSingleStrip(littleEndian: true, width: 24, height: 1, bits: 8, compression: 32773, packed);
        Assert.Equal(unpacked, raw);
    }

    [Fact]
    public void LzwStripWrittenByHand()
    {
        // Codes ClearCode, 7, 258 ("7 7"), 7, EndOfInformation, 9 bits each, most significant bit first.
        byte[] lzw = [0x80, 0x01, 0xE0, 0x40, 0x78, 0x08];
        var raw = ReadSingleStrip(littleEndian: false, width: 2, height: 2, bits: 8, compression: 5, lzw);
        Assert.Equal(new byte[] { 7, 7, 7, 7 }, raw);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(32946)]
    public void DeflateStoredBlockWrittenByHand(int compression)
    {
        // zlib header 78 01, one final stored block of 4 bytes, Adler-32 0x0018000B.
        byte[] zlib = [0x78, 0x01, 0x01, 0x04, 0x00, 0xFB, 0xFF, 0x01, 0x02, 0x03, 0x04, 0x00, 0x18, 0x00, 0x0B];
        var raw = ReadSingleStrip(littleEndian: true, width: 4, height: 1, bits: 8, compression: (uint)compression, zlib);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, raw);
    }

    [Fact]
    public void HorizontalPredictorOnLittleEndian16BitStrips()
    {
        // Two rows of 3 samples as differences: 100, +5, -3 and 7, +1, +1 (65533 is -3 modulo 2^16).
        byte[] deltas = [100, 0, 5, 0, 0xFD, 0xFF, 7, 0, 1, 0, 1, 0];
        byte[] zlib = [0x78, 0x01, 0x01, 0x0C, 0x00, 0xF3, 0xFF, .. deltas, .. Adler32(deltas)];
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append(zlib);
        var ifd = fixture.AppendIfd(
            (256, Short, 1, 3), (257, Short, 1, 2), (258, Short, 1, 16), (259, Short, 1, 8), (262, Short, 1, 1),
            (273, Long, 1, (uint)data), (277, Short, 1, 1), (278, Short, 1, 2), (279, Long, 1, (uint)zlib.Length), (317, Short, 1, 2));
        fixture.SetFirstIfd(ifd);
        using var reader = Open(fixture);
        Assert.Equal(new ushort[] { 100, 105, 102, 7, 8, 9 }, ReadU16(reader, 0));
    }

    [Fact]
    public void TwoStripsOfOneRowAndWhiteIsZeroIsReportedNotInverted()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var strip0 = fixture.Append([10, 20, 30]);
        var strip1 = fixture.Append([40, 50, 60]);
        var offsets = fixture.Append([(byte)strip0, 0, 0, 0, (byte)strip1, 0, 0, 0]);
        var ifd = fixture.AppendIfd(
            (256, Short, 1, 3), (257, Short, 1, 2), (258, Short, 1, 8), (262, Short, 1, 0),
            (273, Long, 2, (uint)offsets), (278, Short, 1, 1), (279, Short, 2, 0x0003_0003));
        fixture.SetFirstIfd(ifd);
        using var reader = Open(fixture);
        Assert.Equal(0, reader.Info.Photometric);
        Assert.Equal(1, reader.Info.RowsPerStrip);
        var raw = new byte[6];
        reader.ReadFrameRaw(0, raw);
        Assert.Equal(new byte[] { 10, 20, 30, 40, 50, 60 }, raw);
    }

    [Fact]
    public void MissingRowsPerStripMeansOneStripAndMissingByteCountsAreInferredForUncompressedData()
    {
        var fixture = new TiffFixture(littleEndian: false);
        var data = fixture.Append([1, 2, 3, 4, 5, 6]);
        var ifd = fixture.AppendIfd((256, Short, 1, 2), (257, Short, 1, 3), (258, Short, 1, 8), (273, Long, 1, (uint)data));
        fixture.SetFirstIfd(ifd);
        using var reader = Open(fixture);
        Assert.Equal(3, reader.Info.RowsPerStrip);
        var raw = new byte[6];
        reader.ReadFrameRaw(0, raw);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, raw);
    }

    [Fact]
    public void TiledBigEndianFloatWithEdgeTilesIsCropped()
    {
        // A 3×2 float image in 2×2 tiles: the right tile column is half outside the image.
        var fixture = new TiffFixture(littleEndian: false);
        byte[] Be(params float[] v) => [.. v.SelectMany(x => BitConverter.GetBytes(x).Reverse())];
        var t0 = fixture.Append(Be(1.5f, 2.5f, 4.5f, 5.5f));
        var t1 = fixture.Append(Be(3.5f, -1, 6.5f, -1));
        var offsets = fixture.Append([0, 0, 0, (byte)t0, 0, 0, 0, (byte)t1]);
        var ifd = fixture.AppendIfd(
            (256, Short, 1, 3), (257, Short, 1, 2), (258, Short, 1, 32), (339, Short, 1, 3),
            (322, Short, 1, 2), (323, Short, 1, 2), (324, Long, 2, (uint)offsets), (325, Short, 2, 0x0010_0010));
        fixture.SetFirstIfd(ifd);
        using var reader = Open(fixture);
        Assert.True(reader.Info.Tiled);
        Assert.Equal((2, 2), (reader.Info.TileWidth, reader.Info.TileHeight));
        var pixels = new float[6];
        reader.ReadFrame(0, pixels);
        Assert.Equal(new[] { 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f }, pixels);
    }

    private byte[] ReadSingleStrip(bool littleEndian, int width, int height, int bits, uint compression, byte[] strip)
    {
        var fixture = new TiffFixture(littleEndian);
        var data = fixture.Append(strip);
        var ifd = fixture.AppendIfd(
            (256, Short, 1, (uint)width), (257, Short, 1, (uint)height), (258, Short, 1, (uint)bits), (259, Short, 1, compression),
            (262, Short, 1, 1), (273, Long, 1, (uint)data), (277, Short, 1, 1), (278, Short, 1, (uint)height), (279, Long, 1, (uint)strip.Length));
        fixture.SetFirstIfd(ifd);
        using var reader = Open(fixture);
        var raw = new byte[width * height * bits / 8];
        reader.ReadFrameRaw(0, raw);
        return raw;
    }

    private TiffReader Open(TiffFixture fixture)
    {
        var path = _folder.File(Guid.NewGuid().ToString("N") + ".tif");
        File.WriteAllBytes(path, fixture.ToArray());
        return TiffReader.Open(path);
    }

    private static ushort[] ReadU16(TiffReader reader, int frame)
    {
        var raw = new byte[reader.Width * reader.Height * 2];
        reader.ReadFrameRaw(frame, raw);
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(raw).ToArray();
    }

    private static byte[] Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        var v = (b << 16) | a;
        return [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];
    }
}
