using Perrin.Core.IO.Png;

namespace Perrin.Core.Tests.IO.Png;

public class PngReaderTests
{
    [Fact]
    public void EveryFilterTypeDecodesToTheValuesComputedByHand()
    {
        // 3×5 gray: rows filtered with Sub, Paeth, Average, Up and None; the filtered bytes were worked out on paper.
        byte[] scanlines =
        [
            1, 10, 10, 10,
            4, 5, 5, 10,
            3, 93, 138, 135,
            2, 156, 56, 1,
            0, 1, 2, 3,
        ];
        var image = Read(PngTestFiles.Simple(3, 5, 8, 0, scanlines));
        Assert.Equal(PngColor.Gray, image.Color);
        Assert.Equal([10, 20, 30, 15, 25, 40, 100, 200, 255, 0, 0, 0, 1, 2, 3], image.Samples);
    }

    [Theory]
    [InlineData(0, 1, false)]
    [InlineData(0, 2, true)]
    [InlineData(0, 4, false)]
    [InlineData(0, 8, true)]
    [InlineData(0, 16, true)]
    [InlineData(2, 8, true)]
    [InlineData(2, 16, false)]
    [InlineData(4, 8, true)]
    [InlineData(4, 16, true)]
    [InlineData(6, 8, false)]
    [InlineData(6, 16, true)]
    public void FilteredAndInterlacedFilesDecodeToTheirPixels(int colorType, int bitDepth, bool interlaced)
    {
        foreach (var (width, height) in new[] { (1, 1), (2, 3), (5, 1), (11, 9), (17, 16) })
        {
            var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, _ => 4 };
            var max = (1UL << bitDepth) - 1;
            ulong Sample(int x, int y, int c) => Hash(x, y, c) % (max + 1);
            ulong Pixel(int x, int y)
            {
                var packed = 0UL;
                for (var c = 0; c < channels; c++)
                {
                    packed = (packed << bitDepth) | Sample(x, y, c);
                }

                return packed;
            }

            var scanlines = PngTestFiles.Scanlines(width, height, channels * bitDepth, Pixel, interlaced);
            var file = PngTestFiles.File(PngTestFiles.Ihdr((uint)width, (uint)height, bitDepth, colorType, interlaced ? 1 : 0), PngTestFiles.Idat(scanlines), PngTestFiles.Iend());
            var image = Read(file);
            var scale = bitDepth < 8 ? 255 / max : 1;
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    for (var c = 0; c < channels; c++)
                    {
                        Assert.Equal(Sample(x, y, c) * scale, image.Samples[(((y * width) + x) * channels) + c]);
                    }
                }
            }

            Assert.Equal(bitDepth == 16 ? 16 : 8, image.BitDepth);
        }
    }

    [Fact]
    public void GrayAlphaAndRgbaKeepTheirChannels()
    {
        var ga = Read(PngTestFiles.Simple(2, 1, 8, 4, [0, 10, 255, 20, 0]));
        Assert.Equal(PngColor.GrayAlpha, ga.Color);
        Assert.Equal(2, ga.Channels);
        Assert.Equal([10, 255, 20, 0], ga.Samples);

        var rgba = Read(PngTestFiles.Simple(1, 1, 16, 6, [0, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0xFF, 0xFE]));
        Assert.Equal(PngColor.Rgba, rgba.Color);
        Assert.Equal([0x0102, 0x0304, 0x0506, 0xFFFE], rgba.Samples);
    }

    [Fact]
    public void PaletteImagesExpandToRgb()
    {
        var plte = PngTestFiles.Chunk("PLTE", [255, 0, 0, 0, 255, 0, 0, 0, 255]);
        // 2-bit indices 0,1,2,1,0 packed from the high bit: 00 01 10 01 | 00 (padding).
        var image = Read(PngTestFiles.Simple(5, 1, 2, 3, [0, 0b0001_1001, 0b0000_0000], plte));
        Assert.Equal(PngColor.Rgb, image.Color);
        Assert.Equal([255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 255, 0, 255, 0, 0], image.Samples);
    }

    [Fact]
    public void PaletteTransparencyGivesRgbaWithOpaqueDefault()
    {
        var plte = PngTestFiles.Chunk("PLTE", [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var trns = PngTestFiles.Chunk("tRNS", [0, 128]);
        var image = Read(PngTestFiles.Simple(3, 1, 8, 3, [0, 0, 1, 2], plte, trns));
        Assert.Equal(PngColor.Rgba, image.Color);
        Assert.Equal([1, 2, 3, 0, 4, 5, 6, 128, 7, 8, 9, 255], image.Samples);
    }

    [Theory]
    [InlineData(1, new byte[] { 0b1010_0000 }, new ushort[] { 255, 0, 255 })]
    [InlineData(2, new byte[] { 0b0001_1011 }, new ushort[] { 0, 85, 170 })]
    [InlineData(4, new byte[] { 0x0F, 0x70 }, new ushort[] { 0, 255, 119 })]
    public void LowBitDepthGrayScalesTo8Bits(int bitDepth, byte[] row, ushort[] expected)
    {
        var image = Read(PngTestFiles.Simple(3, 1, bitDepth, 0, [0, .. row]));
        Assert.Equal(8, image.BitDepth);
        Assert.Equal(expected, image.Samples);
    }

    [Theory]
    [InlineData(10_000_000u, 10_000_000u, 1, 100.0)]
    [InlineData(6_250_000u, 6_250_000u, 1, 160.0)]
    [InlineData(10_000_000u, 10_000_000u, 0, null)]
    [InlineData(10_000_000u, 5_000_000u, 1, null)]
    public void PhysChunkGivesThePixelSizeWhenInMetresAndSquare(uint x, uint y, int unit, double? expectedNm)
    {
        var data = new byte[9];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(data, x);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), y);
        data[8] = (byte)unit;
        var image = Read(PngTestFiles.Simple(1, 1, 8, 0, [0, 0], PngTestFiles.Chunk("pHYs", data)));
        Assert.Equal(expectedNm, image.Metadata.PixelSizeNm);
    }

    [Fact]
    public void TextIsReadAndUnknownAncillaryChunksAreSkipped()
    {
        var text = PngTestFiles.Chunk("tEXt", [.. "Title"u8, 0, .. "Beads"u8]);
        var gama = PngTestFiles.Chunk("gAMA", [0, 0, 0xB1, 0x8F]);
        var custom = PngTestFiles.Chunk("prVt", new byte[300]);
        var image = Read(PngTestFiles.Simple(1, 1, 8, 0, [0, 42], text, gama, custom));
        Assert.Equal("Beads", image.Text["Title"]);
        Assert.Equal([42], image.Samples);
    }

    [Fact]
    public void ImageDataSplitAcrossIdatChunksAtAnyByteIsJoined()
    {
        var scanlines = PngTestFiles.Scanlines(6, 4, 8, (x, y) => (ulong)((x * 40) + y), interlaced: false);
        var zlib = PngTestFiles.Zlib(scanlines);
        var file = PngTestFiles.File(
            PngTestFiles.Ihdr(6, 4, 8, 0),
            PngTestFiles.Chunk("IDAT", zlib.AsSpan(0, 1)),
            PngTestFiles.Chunk("IDAT", []),
            PngTestFiles.Chunk("IDAT", zlib.AsSpan(1, 5)),
            PngTestFiles.Chunk("IDAT", zlib.AsSpan(6)),
            PngTestFiles.Iend());
        var image = Read(file);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (ushort)(((i % 6) * 40) + (i / 6))), image.Samples);
    }

    [Fact]
    public void ReadsFromAStreamThatCannotSeek()
    {
        var file = PngTestFiles.Simple(2, 1, 8, 0, [0, 7, 9]);
        var image = PngReader.Read(new ForwardOnlyStream(file));
        Assert.Equal([7, 9], image.Samples);
    }

    [Fact]
    public void HeaderIsReportedAsStored()
    {
        var path = Path.Combine(Path.GetTempPath(), $"perrin-png-{Guid.NewGuid():N}.png");
        var plte = PngTestFiles.Chunk("PLTE", [0, 0, 0]);
        File.WriteAllBytes(path, PngTestFiles.File(PngTestFiles.Ihdr(70000, 3, 4, 3, 1), plte, PngTestFiles.Chunk("IDAT", [1]), PngTestFiles.Iend()));
        try
        {
            Assert.Equal(new PngHeader(70000, 3, 4, 3, true), PngReader.ReadHeader(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Irregular sample values, so that every predictor and every tie between predictors occurs.</summary>
    private static ulong Hash(int x, int y, int c)
    {
        var h = (uint)((x * 73856093) ^ (y * 19349663) ^ (c * 83492791));
        h ^= h >> 13;
        h *= 0x5BD1E995;
        h ^= h >> 15;
        return h;
    }

    private static PngImage Read(byte[] file) => PngReader.Read(new MemoryStream(file), "test.png");
}
