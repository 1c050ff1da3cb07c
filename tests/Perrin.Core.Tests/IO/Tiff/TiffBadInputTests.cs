using Perrin.Core.IO;
using Perrin.Core.IO.Tiff;
using static Perrin.Core.Tests.IO.Tiff.TiffFixture;

namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>Each named kind of broken file gives a <see cref="PerrinFormatException"/> with the file, the offset and what was expected.</summary>
public sealed class TiffBadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void CyclicIfdChain()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2]);
        var ifd0 = fixture.AppendIfd(Basic(2, 1, data));
        var ifd1 = fixture.AppendIfd(Basic(2, 1, data));
        fixture.SetFirstIfd(ifd0);
        fixture.Link(ifd0, ifd1);
        fixture.Link(ifd1, ifd0);
        var ex = Fails(fixture);
        Assert.Contains($"loops back to the IFD at byte {ifd0}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ifd1 + 2 + (12 * Basic(2, 1, data).Length), ex.Offset);
    }

    [Fact]
    public void IfdThatPointsToItself()
    {
        var fixture = new TiffFixture(littleEndian: false);
        var data = fixture.Append([1, 2]);
        var ifd = fixture.AppendIfd(Basic(2, 1, data));
        fixture.SetFirstIfd(ifd);
        fixture.Link(ifd, ifd);
        Assert.Contains("loops back", Fails(fixture).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstIfdOffsetPastTheEnd()
    {
        var fixture = new TiffFixture(littleEndian: true);
        fixture.Append([0, 0, 0, 0]);
        fixture.SetFirstIfd(1000);
        var ex = Fails(fixture);
        Assert.Equal(4, ex.Offset);
        Assert.Contains("IFD offset 1000 is outside the file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StripOffsetPastTheEnd()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var ifd = fixture.AppendIfd(Basic(2, 1, 5000));
        fixture.SetFirstIfd(ifd);
        var path = Write(fixture);
        using var reader = TiffReader.Open(path);
        var ex = Assert.Throws<PerrinFormatException>(() => reader.ReadFrameRaw(0, new byte[2]));
        Assert.Equal(5000, ex.Offset);
        Assert.Contains("run past the end of the file", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JpegCompressionIsNamedAndRejected()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2]);
        var ifd = fixture.AppendIfd([.. Basic(2, 1, data), (259, Short, 1, 7)]);
        fixture.SetFirstIfd(ifd);
        var ex = Fails(fixture);
        Assert.Contains("compression 7 (JPEG) is not supported", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ifd + 2 + (12 * 3), ex.Offset);
    }

    [Fact]
    public void ZeroLengthStrip()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2]);
        var ifd = fixture.AppendIfd((256, Short, 1, 2), (257, Short, 1, 1), (258, Short, 1, 8), (273, Long, 1, (uint)data), (279, Long, 1, 0));
        fixture.SetFirstIfd(ifd);
        using var reader = TiffReader.Open(Write(fixture));
        var ex = Assert.Throws<PerrinFormatException>(() => reader.ReadFrameRaw(0, new byte[2]));
        Assert.Contains("strip 1 has zero length", ex.Message, StringComparison.Ordinal);
        Assert.Equal(data, ex.Offset);
    }

    [Fact]
    public void ShortStripOfUncompressedData()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2]);
        var ifd = fixture.AppendIfd((256, Short, 1, 2), (257, Short, 1, 1), (258, Short, 1, 8), (273, Long, 1, (uint)data), (279, Long, 1, 1));
        fixture.SetFirstIfd(ifd);
        using var reader = TiffReader.Open(Write(fixture));
        var ex = Assert.Throws<PerrinFormatException>(() => reader.ReadFrameRaw(0, new byte[2]));
        Assert.Contains("holds 1 bytes; expected 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u, 10u, "tag 256 (ImageWidth) is 0; expected 1 to")]
    [InlineData(0x7FFF_FFFFu, 0x7FFF_FFFFu, "bytes per frame are supported")]
    [InlineData(4000u, 4000u, "more than this")]
    public void AbsurdDimensions(uint width, uint height, string message)
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2]);
        var ifd = fixture.AppendIfd((256, Long, 1, width), (257, Long, 1, height), (258, Short, 1, 8), (273, Long, 1, (uint)data), (279, Long, 1, 2));
        fixture.SetFirstIfd(ifd);
        Assert.Contains(message, Fails(fixture).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RgbIsRejectedWithItsSampleCount()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2, 3, 4, 5, 6]);
        var ifd = fixture.AppendIfd((256, Short, 1, 2), (257, Short, 1, 1), (258, Short, 1, 8), (262, Short, 1, 2), (273, Long, 1, (uint)data), (277, Short, 1, 3), (279, Long, 1, 6));
        fixture.SetFirstIfd(ifd);
        Assert.Contains("samples-per-pixel 3 is not supported", Fails(fixture).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidPlanarConfiguration()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2]);
        var ifd = fixture.AppendIfd([.. Basic(2, 1, data), (284, Short, 1, 3)]);
        fixture.SetFirstIfd(ifd);
        Assert.Contains("PlanarConfiguration 3 is invalid", Fails(fixture).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HugeTagCountIsCheckedAgainstTheFileBeforeAnythingIsAllocated()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2]);
        var ifd = fixture.AppendIfd((256, Short, 1, 2), (257, Short, 1, 1), (258, Short, 1, 8), (270, AsciiString, 0xFFFF_FFFF, (uint)data), (273, Long, 1, (uint)data), (279, Long, 1, 2));
        fixture.SetFirstIfd(ifd);
        Assert.Contains("tag 270 (ImageDescription)", Fails(fixture).Message, StringComparison.Ordinal);

        var strips = new TiffFixture(littleEndian: true);
        var ifd2 = strips.AppendIfd((256, Short, 1, 2), (257, Short, 1, 1), (258, Short, 1, 8), (273, Long, 0xFFFF_FFFF, 8), (279, Long, 1, 2));
        strips.SetFirstIfd(ifd2);
        Assert.Contains("tag 273 (StripOffsets): 4294967295 values of 4 bytes at byte 8 run past the end", Fails(strips).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongTagType()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2]);
        var ifd = fixture.AppendIfd((256, Rational, 1, (uint)data), (257, Short, 1, 1), (258, Short, 1, 8), (273, Long, 1, (uint)data), (279, Long, 1, 2));
        fixture.SetFirstIfd(ifd);
        var ex = Fails(fixture);
        Assert.Contains("tag 256 (ImageWidth) has type 5 (RATIONAL), expected an unsigned integer", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ifd + 2, ex.Offset);
    }

    [Fact]
    public void TooFewStripOffsets()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2, 3, 4]);
        var ifd = fixture.AppendIfd((256, Short, 1, 2), (257, Short, 1, 2), (258, Short, 1, 8), (273, Long, 1, (uint)data), (278, Short, 1, 1), (279, Long, 1, 2));
        fixture.SetFirstIfd(ifd);
        Assert.Contains("tag 273 (StripOffsets) has 1 values, expected at least 2", Fails(fixture).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IfdEntryCountRunningPastTheEnd()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var at = fixture.Append([0xFF, 0x0F, 0, 0]);
        fixture.SetFirstIfd(at);
        var ex = Fails(fixture);
        Assert.Equal(at, ex.Offset);
        Assert.Contains("4095 entries", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PagesOfDifferentSizes()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([1, 2, 3, 4]);
        var ifd0 = fixture.AppendIfd(Basic(2, 1, data));
        var ifd1 = fixture.AppendIfd(Basic(4, 1, data));
        fixture.SetFirstIfd(ifd0);
        fixture.Link(ifd0, ifd1);
        var ex = Fails(fixture);
        Assert.Equal(ifd1, ex.Offset);
        Assert.Contains("page 2 is 4×1 u8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptCompressedDataNamesTheStrip()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var data = fixture.Append([0x12, 0x34, 0x56, 0x78]);
        var ifd = fixture.AppendIfd((256, Short, 1, 4), (257, Short, 1, 1), (258, Short, 1, 8), (259, Short, 1, 8), (273, Long, 1, (uint)data), (279, Long, 1, 4));
        fixture.SetFirstIfd(ifd);
        using var reader = TiffReader.Open(Write(fixture));
        var ex = Assert.Throws<PerrinFormatException>(() => reader.ReadFrameRaw(0, new byte[4]));
        Assert.Equal(data, ex.Offset);
        Assert.Contains("frame 1, strip 1: corrupt Deflate data", ex.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidDataException>(ex.InnerException);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x49, 0x49, 0x2B, 0x00, 0x08, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x49, 0x49, 0x2B, 0x00, 0x04, 0x00, 0x00, 0x00, 16, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x08 })]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00, 0x00, 0x00, 0x00, 0x00 })]
    public void BrokenHeaders(byte[] file)
    {
        var path = _folder.File(Guid.NewGuid().ToString("N") + ".tif");
        File.WriteAllBytes(path, file);
        var ex = Assert.Throws<PerrinFormatException>(() => TiffReader.Open(path).Dispose());
        Assert.Equal(path, ex.FilePath);
        Assert.NotNull(ex.Offset);
    }

    private static (ushort, ushort, uint, uint)[] Basic(uint width, uint height, int data) =>
    [
        (256, Short, 1, width), (257, Short, 1, height), (258, Short, 1, 8), (273, Long, 1, (uint)data),
        (277, Short, 1, 1), (278, Short, 1, height), (279, Long, 1, width * height),
    ];

    private string Write(TiffFixture fixture)
    {
        var path = _folder.File(Guid.NewGuid().ToString("N") + ".tif");
        File.WriteAllBytes(path, fixture.ToArray());
        return path;
    }

    private PerrinFormatException Fails(TiffFixture fixture)
    {
        var path = Write(fixture);
        var ex = Assert.Throws<PerrinFormatException>(() =>
        {
            using var reader = TiffReader.Open(path);
            var raw = new byte[reader.FrameBytes];
            for (var f = 0; f < reader.FrameCount; f++)
            {
                reader.ReadFrameRaw(f, raw);
            }
        });
        Assert.Equal(path, ex.FilePath);
        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
        return ex;
    }
}
