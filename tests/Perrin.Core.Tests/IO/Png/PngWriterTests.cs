using System.Buffers.Binary;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Png;

namespace Perrin.Core.Tests.IO.Png;

public class PngWriterTests
{
    [Fact]
    public void OnePixelGrayFileStartsWithKnownSignatureAndIhdrBytes()
    {
        var file = Write(new PngImage(1, 1, PngColor.Gray, 8, [0x7F]));
        byte[] expected =
        [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
            0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00,
            0x3A, 0x7E, 0x9B, 0x55,
        ];
        Assert.Equal(expected, file[..33]);
        Assert.Equal([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82], file[^12..]);
        var idat = PngTestFiles.Chunks(file).Single(c => c.Type == "IDAT");
        Assert.Equal([0x00, 0x7F], PngTestFiles.Inflate(file[(idat.Offset + 8)..(idat.Offset + 8 + idat.Length)]));
    }

    [Fact]
    public void SixteenBitSamplesAreStoredBigEndian()
    {
        var file = Write(new PngImage(1, 1, PngColor.Gray, 16, [0x1234]));
        var idat = PngTestFiles.Chunks(file).Single(c => c.Type == "IDAT");
        var scanline = PngTestFiles.Inflate(file[(idat.Offset + 8)..(idat.Offset + 8 + idat.Length)]);
        Assert.Equal([0x12, 0x34], scanline[1..]);
    }

    [Fact]
    public void EachRowTakesTheFilterWithTheSmallestAbsoluteSum()
    {
        // Every row is the same ramp: Sub flattens the first (Paeth ties with it and loses), Up zeroes the rest.
        const int width = 40;
        var samples = new ushort[width * 4];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (ushort)(3 * (i % width));
        }

        var file = Write(new PngImage(width, 4, PngColor.Gray, 8, samples));
        var idat = PngTestFiles.Chunks(file).Single(c => c.Type == "IDAT");
        var scanlines = PngTestFiles.Inflate(file[(idat.Offset + 8)..(idat.Offset + 8 + idat.Length)]);
        var filters = Enumerable.Range(0, 4).Select(y => scanlines[y * (width + 1)]).ToArray();
        Assert.Equal([1, 2, 2, 2], filters);
        Assert.All(scanlines.Skip(width + 2).Take(width), b => Assert.Equal(0, b));
    }

    [Fact]
    public void LargeImageDataIsSplitIntoSeveralIdatChunks()
    {
        var random = new Random(5);
        var samples = new ushort[200 * 150 * 3];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (ushort)random.Next(65536);
        }

        var image = new PngImage(200, 150, PngColor.Rgb, 16, samples);
        var file = Write(image);
        var chunks = PngTestFiles.Chunks(file);
        var idats = chunks.Where(c => c.Type == "IDAT").ToList();
        Assert.True(idats.Count >= 2);
        Assert.All(idats, c => Assert.InRange(c.Length, 1, PngWriter.MaxImageDataChunk));
        Assert.Equal(["IHDR", .. Enumerable.Repeat("IDAT", idats.Count), "IEND"], chunks.Select(c => c.Type));
        Assert.Equal(samples, PngReader.Read(new MemoryStream(file)).Samples);
    }

    [Fact]
    public void PixelSizeIsWrittenAsPixelsPerMetre()
    {
        var image = new PngImage(1, 1, PngColor.Gray, 8, [0]) { Metadata = new StackMetadata { PixelSizeNm = 100 } };
        var file = Write(image);
        var phys = PngTestFiles.Chunks(file).Single(c => c.Type == "pHYs");
        var data = file.AsSpan(phys.Offset + 8, phys.Length);
        Assert.Equal(9, phys.Length);
        Assert.Equal(10_000_000u, BinaryPrimitives.ReadUInt32BigEndian(data));
        Assert.Equal(10_000_000u, BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
        Assert.Equal(1, data[8]);
        Assert.Equal(100.0, PngReader.Read(new MemoryStream(file)).Metadata.PixelSizeNm);
    }

    [Fact]
    public void TextAndDescriptionRoundTrip()
    {
        var image = new PngImage(1, 1, PngColor.Gray, 8, [0])
        {
            Metadata = new StackMetadata { Description = "beads, 100× oil" },
            Text = new Dictionary<string, string> { ["Software"] = "Perrin" },
        };
        var back = PngReader.Read(new MemoryStream(Write(image)));
        Assert.Equal("Perrin", back.Text["Software"]);
        Assert.Equal("beads, 100× oil", back.Text["Description"]);
        Assert.Equal("beads, 100× oil", back.Metadata.Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" leading")]
    [InlineData("double  space")]
    [InlineData("tab\there")]
    public void InvalidTextKeywordsAreRefused(string keyword)
    {
        var image = new PngImage(1, 1, PngColor.Gray, 8, [0]) { Text = new Dictionary<string, string> { [keyword] = "x" } };
        Assert.Throws<ArgumentException>(() => Write(image));
    }

    private static byte[] Write(PngImage image)
    {
        using var stream = new MemoryStream();
        PngWriter.Write(stream, image);
        return stream.ToArray();
    }
}
