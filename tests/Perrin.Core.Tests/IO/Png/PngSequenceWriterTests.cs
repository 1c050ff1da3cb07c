using System.Runtime.InteropServices;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Png;

namespace Perrin.Core.Tests.IO.Png;

public sealed class PngSequenceWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("perrin-pngseq-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    [Theory]
    [InlineData(0, "frame_0001.png")]
    [InlineData(12, "frame_0001.png")]
    [InlineData(99_999, "frame_00001.png")]
    [InlineData(123_456, "frame_000001.png")]
    public void FilesAreNumberedFromOneWithPaddingFromTheExpectedCount(int expected, string firstName)
    {
        using var writer = PngSequenceWriter.Create(_root, "frame", 2, 2, PixelType.UInt8, expected);
        writer.WriteFrameRaw(new byte[4]);
        writer.Complete();
        Assert.Equal(firstName, Path.GetFileName(writer.PathOf(0)));
        Assert.Equal([firstName], Directory.GetFiles(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void CreatesTheFolderAndNamesFramesInOrder()
    {
        var folder = Path.Combine(_root, "frames");
        using (var writer = PngSequenceWriter.Create(folder, "img", 3, 1, PixelType.UInt8))
        {
            for (var f = 0; f < 12; f++)
            {
                writer.WriteFrameRaw([(byte)f, 0, 255]);
            }

            writer.Complete();
            Assert.Equal(12, writer.FramesWritten);
        }

        var names = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"img_{i:D4}.png"), names);
        using var reader = PngSequenceReader.Open(folder);
        var frame = new byte[3];
        reader.ReadFrameRaw(11, frame);
        Assert.Equal([11, 0, 255], frame);
    }

    [Fact]
    public void SixteenBitFramesRoundTripAndFloatsAreRoundedAndSaturated()
    {
        using (var writer = PngSequenceWriter.Create(_root, "t", 2, 2, PixelType.UInt16, metadata: new StackMetadata { PixelSizeNm = 108 }))
        {
            writer.WriteFrameRaw(MemoryMarshal.AsBytes<ushort>([0, 1, 65534, 65535]));
            writer.WriteFrame([-5f, 2.5f, 1000.4f, 70000f]);
            writer.Complete();
        }

        using var reader = PngSequenceReader.Open(_root);
        Assert.Equal(PixelType.UInt16, reader.PixelType);
        Assert.Equal(108.0, reader.Metadata.PixelSizeNm!.Value, 1e-4);
        var raw = new byte[8];
        reader.ReadFrameRaw(0, raw);
        Assert.Equal([0, 1, 65534, 65535], MemoryMarshal.Cast<byte, ushort>(raw).ToArray());
        reader.ReadFrameRaw(1, raw);
        Assert.Equal([0, 3, 1000, 65535], MemoryMarshal.Cast<byte, ushort>(raw).ToArray());
    }

    [Fact]
    public void ExistingFilesAreReplacedWholeAndNoTemporaryFilesRemain()
    {
        File.WriteAllText(Path.Combine(_root, "m_0001.png"), "garbage from an earlier run");
        using (var writer = PngSequenceWriter.Create(_root, "m", 2, 1, PixelType.UInt8))
        {
            writer.WriteFrameRaw([4, 5]);
            writer.Complete();
        }

        Assert.Equal(["m_0001.png"], Directory.GetFiles(_root).Select(Path.GetFileName));
        Assert.Equal([4, 5], PngReader.Read(Path.Combine(_root, "m_0001.png")).Samples);
    }

    [Fact]
    public void DisposingWithoutCompleteKeepsTheCompleteFramesAlreadyWritten()
    {
        using (var writer = PngSequenceWriter.Create(_root, "d", 2, 1, PixelType.UInt8))
        {
            writer.WriteFrameRaw([1, 2]);
            writer.WriteFrameRaw([3, 4]);
            Assert.Throws<ArgumentException>(() => writer.WriteFrameRaw([5]));
        }

        Assert.Equal(["d_0001.png", "d_0002.png"], Directory.GetFiles(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([3, 4], PngReader.Read(Path.Combine(_root, "d_0002.png")).Samples);
    }

    [Fact]
    public void NoFramesAfterComplete()
    {
        using var writer = PngSequenceWriter.Create(_root, "c", 1, 1, PixelType.UInt8);
        writer.Complete();
        Assert.Throws<InvalidOperationException>(() => writer.WriteFrameRaw([0]));
    }

    [Theory]
    [InlineData(PixelType.Float32, "p")]
    [InlineData(PixelType.Int16, "p")]
    [InlineData(PixelType.UInt8, "a/b")]
    public void RefusesOtherTypesAndPrefixesWithFolders(PixelType type, string prefix) =>
        Assert.Throws<ArgumentException>(() => PngSequenceWriter.Create(_root, prefix, 1, 1, type));
}
