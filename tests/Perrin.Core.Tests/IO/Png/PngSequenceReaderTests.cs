using System.Runtime.InteropServices;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Png;

namespace Perrin.Core.Tests.IO.Png;

public sealed class PngSequenceReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("perrin-pngseq-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void FolderFramesComeInNaturalOrder()
    {
        foreach (var n in new[] { 10, 2, 1, 11 })
        {
            WriteGray($"img_{n}.png", 3, 2, 8, (ushort)n);
        }

        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a frame");
        using var reader = PngSequenceReader.Open(_folder);
        Assert.Equal(4, reader.FrameCount);
        Assert.Equal(PixelType.UInt8, reader.PixelType);
        Assert.Equal((3, 2), (reader.Width, reader.Height));
        Assert.EndsWith("img_1.png", reader.SourcePath, StringComparison.Ordinal);
        var frame = new byte[6];
        var firstPixels = new List<byte>();
        for (var f = 0; f < reader.FrameCount; f++)
        {
            reader.ReadFrameRaw(f, frame);
            firstPixels.Add(frame[0]);
        }

        Assert.Equal([1, 2, 10, 11], firstPixels);
    }

    [Fact]
    public void PatternSelectsMatchingFilesAndSingleFileIsOneFrame()
    {
        WriteGray("cell_2.png", 2, 2, 16, 2000);
        WriteGray("cell_10.png", 2, 2, 16, 10000);
        WriteGray("other_1.png", 5, 5, 8, 1);
        using (var reader = PngSequenceReader.Open(Path.Combine(_folder, "cell_*.png")))
        {
            Assert.Equal(2, reader.FrameCount);
            Assert.Equal(PixelType.UInt16, reader.PixelType);
            var raw = new byte[8];
            reader.ReadFrameRaw(1, raw);
            Assert.Equal([10000, 10000, 10000, 10000], MemoryMarshal.Cast<byte, ushort>(raw).ToArray());
            var floats = new float[4];
            reader.ReadFrame(0, floats);
            Assert.Equal([2000f, 2000f, 2000f, 2000f], floats);
        }

        using var single = PngSequenceReader.Open(Path.Combine(_folder, "other_1.png"));
        Assert.Equal(1, single.FrameCount);
        Assert.Equal(5, single.Width);
    }

    [Fact]
    public void FrameOfAnotherSizeIsNamedInTheError()
    {
        WriteGray("f1.png", 4, 4, 8, 0);
        WriteGray("f2.png", 4, 4, 8, 0);
        WriteGray("f3.png", 4, 5, 8, 0);
        var e = Assert.Throws<PerrinFormatException>(() => PngSequenceReader.Open(_folder));
        Assert.Equal(Path.Combine(_folder, "f3.png"), e.FilePath);
        Assert.Contains("4×5", e.Problem, StringComparison.Ordinal);
        Assert.Contains("expected 4×4", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FrameOfAnotherBitDepthIsNamedInTheError()
    {
        WriteGray("f1.png", 4, 4, 16, 0);
        WriteGray("f2.png", 4, 4, 8, 0);
        var e = Assert.Throws<PerrinFormatException>(() => PngSequenceReader.Open(_folder));
        Assert.Equal(Path.Combine(_folder, "f2.png"), e.FilePath);
    }

    [Fact]
    public void ColourFramesBecomeBt601LumaAndAlphaIsIgnored()
    {
        Write("c1.png", new PngImage(4, 1, PngColor.Rgba, 8, [255, 0, 0, 0, 0, 255, 0, 9, 0, 0, 255, 255, 10, 20, 30, 0]));
        using var reader = PngSequenceReader.Open(_folder);
        var frame = new byte[4];
        reader.ReadFrameRaw(0, frame);
        Assert.Equal([76, 150, 29, 18], frame);
    }

    [Fact]
    public void SixteenBitColourLumaIsRoundedHalfUp()
    {
        // 0.299·1000 + 0.587·1001 + 0.114·1000 = 1000.587 → 1001; 0.299·65535 + 0.587·65535 + 0.114·65535 = 65535.
        Write("c1.png", new PngImage(2, 1, PngColor.Rgb, 16, [1000, 1001, 1000, 65535, 65535, 65535]));
        using var reader = PngSequenceReader.Open(_folder);
        var raw = new byte[4];
        reader.ReadFrameRaw(0, raw);
        Assert.Equal([1001, 65535], MemoryMarshal.Cast<byte, ushort>(raw).ToArray());
    }

    [Fact]
    public void PixelSizeComesFromTheFirstFrame()
    {
        Write("p1.png", new PngImage(1, 1, PngColor.Gray, 8, [0]) { Metadata = new StackMetadata { PixelSizeNm = 160 } });
        using var reader = PngSequenceReader.Open(_folder);
        Assert.Equal(160.0, reader.Metadata.PixelSizeNm);
    }

    [Fact]
    public void CorruptFrameIsReportedWhenRead()
    {
        WriteGray("f1.png", 2, 2, 8, 1);
        WriteGray("f2.png", 2, 2, 8, 2);
        var bad = Path.Combine(_folder, "f2.png");
        var bytes = File.ReadAllBytes(bad);
        bytes[^20] ^= 0xFF;
        File.WriteAllBytes(bad, bytes);
        using var reader = PngSequenceReader.Open(_folder);
        reader.ReadFrameRaw(0, new byte[4]);
        var e = Assert.Throws<PerrinFormatException>(() => reader.ReadFrameRaw(1, new byte[4]));
        Assert.Equal(bad, e.FilePath);
    }

    [Fact]
    public void EmptyFolderOrMissingPathIsNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => PngSequenceReader.Open(_folder));
        Assert.Throws<FileNotFoundException>(() => PngSequenceReader.Open(Path.Combine(_folder, "missing.png")));
        Assert.Throws<FileNotFoundException>(() => PngSequenceReader.Open(Path.Combine(_folder, "x_*.png")));
    }

    [Fact]
    public void AStackReadsWholeSequences()
    {
        WriteGray("s1.png", 2, 1, 8, 7);
        WriteGray("s2.png", 2, 1, 8, 9);
        using var reader = PngSequenceReader.Open(_folder);
        var stack = ImageStack.Read(reader);
        Assert.Equal([7f, 7f, 9f, 9f], stack.Data.ToArray());
    }

    private void WriteGray(string name, int width, int height, int bitDepth, ushort value) =>
        Write(name, new PngImage(width, height, PngColor.Gray, bitDepth, Enumerable.Repeat(value, width * height).ToArray()));

    private void Write(string name, PngImage image) => PngWriter.Write(Path.Combine(_folder, name), image);
}
