using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;

namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>What the writer leaves on disk: nothing until Complete, headers of the chosen format, and errors for misuse.</summary>
public sealed class TiffWriterFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void DisposeWithoutCompleteLeavesNoFileAndNoTemporaryFile()
    {
        var path = _folder.File("never.tif");
        using (var writer = TiffWriter.Create(path, 4, 4, PixelType.UInt16))
        {
            writer.WriteFrameRaw(new byte[32]);
        }

        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void ExistingTargetStaysIntactUntilComplete()
    {
        var path = _folder.File("keep.tif");
        File.WriteAllBytes(path, [1, 2, 3]);
        using (var writer = TiffWriter.Create(path, 4, 4, PixelType.UInt8))
        {
            writer.WriteFrameRaw(new byte[16]);
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        }

        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFileSystemEntries(_folder.Path));

        using (var writer = TiffWriter.Create(path, 4, 4, PixelType.UInt8))
        {
            writer.WriteFrameRaw(new byte[16]);
            writer.Complete();
        }

        using var reader = TiffReader.Open(path);
        Assert.Equal(1, reader.FrameCount);
        Assert.Single(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void CompletingWithoutFramesIsAnErrorAndLeavesNothing()
    {
        var path = _folder.File("empty.tif");
        using (var writer = TiffWriter.Create(path, 4, 4, PixelType.UInt8))
        {
            Assert.Throws<InvalidOperationException>(writer.Complete);
        }

        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }

    [Fact]
    public void WrongFrameSizeAndUseAfterCompleteAreRejected()
    {
        var path = _folder.File("misuse.tif");
        using var writer = TiffWriter.Create(path, 4, 4, PixelType.UInt16);
        Assert.Throws<ArgumentException>(() => writer.WriteFrameRaw(new byte[31]));
        Assert.Throws<ArgumentException>(() => writer.WriteFrame(new float[15]));
        writer.WriteFrame(new float[16]);
        writer.Complete();
        Assert.Equal(1, writer.FramesWritten);
        Assert.Throws<ObjectDisposedException>(() => writer.WriteFrameRaw(new byte[32]));
        Assert.Throws<ObjectDisposedException>(writer.Complete);
    }

    [Theory]
    [InlineData(true, null, new byte[] { 0x49, 0x49, 0x2A, 0x00 })]
    [InlineData(false, null, new byte[] { 0x4D, 0x4D, 0x00, 0x2A })]
    [InlineData(true, true, new byte[] { 0x49, 0x49, 0x2B, 0x00, 0x08, 0x00, 0x00, 0x00 })]
    [InlineData(false, true, new byte[] { 0x4D, 0x4D, 0x00, 0x2B, 0x00, 0x08, 0x00, 0x00 })]
    [InlineData(true, false, new byte[] { 0x49, 0x49, 0x2A, 0x00 })]
    public void HeaderMatchesTheChosenFormat(bool little, bool? big, byte[] expectedStart)
    {
        var path = _folder.File("header.tif");
        using (var writer = TiffWriter.Create(path, 3, 3, PixelType.Int16, new TiffWriteOptions { LittleEndian = little, BigTiff = big }))
        {
            writer.WriteFrameRaw(new byte[18]);
            writer.WriteFrameRaw(new byte[18]);
            writer.Complete();
            Assert.Equal(big ?? false, writer.IsBigTiff);
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(expectedStart, bytes[..expectedStart.Length]);
        using var reader = TiffReader.Open(path);
        Assert.Equal(big ?? false, reader.Info.IsBigTiff);
        Assert.Equal(little, reader.Info.LittleEndian);
        Assert.Equal(bytes.Length, reader.Info.FileLength);
    }

    [Fact]
    public void BigTiffUsesLong8OffsetsAndCounts()
    {
        var path = _folder.File("big.tif");
        using (var writer = TiffWriter.Create(path, 3, 3, PixelType.UInt8, new TiffWriteOptions { BigTiff = true, RowsPerStrip = 1 }))
        {
            writer.WriteFrameRaw(new byte[9]);
            writer.Complete();
        }

        using var source = TiffByteSource.Open(path);
        var ifd = TiffDirectory.Read(source, TiffHeader.Read(source));
        Assert.True(source.BigTiff);
        Assert.True(ifd.TryGet(TiffTag.StripOffsets, out var offsets));
        Assert.True(ifd.TryGet(TiffTag.StripByteCounts, out var counts));
        Assert.Equal((TiffFieldType.Long8, 3L), (offsets.Type, offsets.Count));
        Assert.Equal((TiffFieldType.Long8, 3L), (counts.Type, counts.Count));
        var values = new long[3];
        TiffValues.ReadUnsigned(source, offsets, values);
        Assert.Equal(new long[] { 16, 19, 22 }, values);
    }
}
