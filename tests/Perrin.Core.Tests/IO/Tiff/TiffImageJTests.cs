using System.Text;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Tiff;
using static Perrin.Core.Tests.IO.Tiff.TiffFixture;

namespace Perrin.Core.Tests.IO.Tiff;

public sealed class TiffImageJTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void WriterProducesImageJDescriptionAndResolutionExactly()
    {
        var path = _folder.File("ij.tif");
        var metadata = new StackMetadata { PixelSizeNm = 100, FrameIntervalS = 0.05 };
        using (var writer = TiffWriter.Create(path, 2, 1, PixelType.UInt16, new TiffWriteOptions { Metadata = metadata }))
        {
            writer.WriteFrameRaw(U16(10, 20));
            writer.WriteFrameRaw(U16(1000, 500));
            writer.WriteFrameRaw(U16(30, 40));
            writer.Complete();
        }

        const string Expected = "ImageJ=1.11a\nimages=3\nframes=3\nunit=micron\nfinterval=0.05\nloop=false\nmin=10.0\nmax=1000.0\n";
        var bytes = File.ReadAllBytes(path);
        var at = IndexOf(bytes, Encoding.ASCII.GetBytes(Expected + "\0"));
        Assert.True(at > 0, "the description with its NUL terminator is in the file");
        Assert.Equal(-1, IndexOf(bytes.AsSpan(at + 1).ToArray(), "ImageJ="u8.ToArray()));

        using var reader = TiffReader.Open(path);
        Assert.True(reader.Info.IsImageJ);
        Assert.False(reader.Info.ImageJContiguous);
        Assert.Equal(Expected, reader.Info.ImageDescription);
        Assert.Equal(100, reader.Metadata.PixelSizeNm!.Value, 9);
        Assert.Equal(0.05, reader.Metadata.FrameIntervalS);

        using var source = TiffByteSource.Open(path);
        var first = TiffDirectory.Read(source, TiffHeader.Read(source));
        Assert.Equal(10.0, first.Rational(TiffTag.XResolution));
        Assert.Equal(10.0, first.Rational(TiffTag.YResolution));
        Assert.Equal(1, first.Integer(TiffTag.ResolutionUnit));
        Assert.True(first.TryGet(TiffTag.XResolution, out var xres));
        Assert.Equal(TiffFieldType.Rational, xres.Type);
    }

    [Fact]
    public void UncompressedImageJStackKeepsFramesBackToBackAsImageJReadsThem()
    {
        var path = _folder.File("contiguous.tif");
        var random = new Random(1);
        var frames = Enumerable.Range(0, 4).Select(_ => TiffTestData.Frame(PixelType.UInt16, 5, 300, random)).ToArray();
        using (var writer = TiffWriter.Create(path, 5, 300, PixelType.UInt16, new TiffWriteOptions { LittleEndian = false, RowsPerStrip = 7 }))
        {
            foreach (var f in frames)
            {
                writer.WriteFrameRaw(f);
            }

            writer.Complete();
        }

        var bytes = File.ReadAllBytes(path);
        var firstFrameInFile = frames[0].ToArray();
        PixelCodec.ReverseEndianness(PixelType.UInt16, firstFrameInFile);
        var start = IndexOf(bytes, firstFrameInFile);
        for (var f = 0; f < frames.Length; f++)
        {
            var expected = frames[f].ToArray();
            PixelCodec.ReverseEndianness(PixelType.UInt16, expected);
            Assert.Equal(expected, bytes.AsSpan(start + (f * 3000), 3000).ToArray());
        }
    }

    [Theory]
    [InlineData(107.3)]
    [InlineData(65)]
    [InlineData(0.5)]
    [InlineData(1234567.0)]
    [InlineData(33.333333333)]
    public void PixelSizeRoundTrips(double nm)
    {
        var path = _folder.File("px.tif");
        using (var writer = TiffWriter.Create(path, 1, 1, PixelType.Float32, new TiffWriteOptions { Metadata = new StackMetadata { PixelSizeNm = nm, FrameIntervalS = 2 } }))
        {
            writer.WriteFrame([1f]);
            writer.Complete();
        }

        using var reader = TiffReader.Open(path);
        Assert.Equal(nm, reader.Metadata.PixelSizeNm!.Value, nm * 1e-6);
        Assert.Equal(2, reader.Metadata.FrameIntervalS);
        Assert.Contains("finterval=2\n", reader.Info.ImageDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortDescriptionTravelsAsImageJInfo()
    {
        var path = _folder.File("info.tif");
        using (var writer = TiffWriter.Create(path, 1, 1, PixelType.UInt8, new TiffWriteOptions { Metadata = new StackMetadata { Description = "simulated recipe 7" } }))
        {
            writer.WriteFrame([3f]);
            writer.Complete();
        }

        using var reader = TiffReader.Open(path);
        Assert.Equal("ImageJ=1.11a\ninfo=simulated recipe 7\n", reader.Info.ImageDescription);
        Assert.Equal("simulated recipe 7", reader.Metadata.Description);
        Assert.Null(reader.Metadata.PixelSizeNm);
    }

    [Fact]
    public void WithoutImageJThePlainDescriptionIsWritten()
    {
        var path = _folder.File("plain.tif");
        using (var writer = TiffWriter.Create(path, 1, 1, PixelType.UInt8, new TiffWriteOptions { WriteImageJ = false, Metadata = new StackMetadata { Description = "hello µscope" } }))
        {
            writer.WriteFrame([3f]);
            writer.Complete();
        }

        using var reader = TiffReader.Open(path);
        Assert.False(reader.Info.IsImageJ);
        Assert.Equal("hello µscope", reader.Metadata.Description);
    }

    [Fact]
    public void ImageJNanometreUnitAndMillisecondIntervalAreConverted()
    {
        var fixture = new TiffFixture(littleEndian: true);
        var description = fixture.AppendAscii("ImageJ=1.54f\nimages=1\nunit=nm\nfinterval=20\ntunit=ms\n");
        var resolution = fixture.Append([1, 0, 0, 0, 160, 0, 0, 0]);
        var data = fixture.Append([9]);
        var ifd = fixture.AppendIfd(
            (256, Short, 1, 1), (257, Short, 1, 1), (258, Short, 1, 8), (270, AsciiString, 52, (uint)description),
            (273, Long, 1, (uint)data), (279, Long, 1, 1), (282, Rational, 1, (uint)resolution), (296, Short, 1, 1));
        fixture.SetFirstIfd(ifd);
        using var reader = Open(fixture);
        Assert.Equal(160, reader.Metadata.PixelSizeNm);
        Assert.Equal(0.02, reader.Metadata.FrameIntervalS!.Value, 12);
    }

    [Fact]
    public void ImageJMicroMetreFractionsOverAMillionGiveTheIntendedPixelSize()
    {
        // ImageJ writes 65 nm as 15384615/1000000 pixels per micron.
        var fixture = new TiffFixture(littleEndian: false);
        var description = fixture.AppendAscii("ImageJ=1.54f\nunit=micron\n");
        var resolution = fixture.Append([0x00, 0xEA, 0xC0, 0x27, 0x00, 0x0F, 0x42, 0x40]);
        var data = fixture.Append([9]);
        var ifd = fixture.AppendIfd(
            (256, Short, 1, 1), (257, Short, 1, 1), (258, Short, 1, 8), (270, AsciiString, 26, (uint)description),
            (273, Long, 1, (uint)data), (279, Long, 1, 1), (282, Rational, 1, (uint)resolution), (296, Short, 1, 1));
        fixture.SetFirstIfd(ifd);
        using var reader = Open(fixture);
        Assert.Equal(65.0, reader.Metadata.PixelSizeNm);
    }

    [Fact]
    public void SingleIfdImageJHyperstackFramesFollowTheFirstFrame()
    {
        var (fixture, _) = ContiguousStack(images: 3, framesStored: 3);
        using var reader = Open(fixture);
        Assert.True(reader.Info.ImageJContiguous);
        Assert.Equal(3, reader.FrameCount);
        var raw = new byte[6];
        for (var f = 0; f < 3; f++)
        {
            reader.ReadFrameRaw(f, raw);
            Assert.Equal(Enumerable.Range(0, 6).Select(i => (byte)((f * 10) + i)).ToArray(), raw);
        }
    }

    [Fact]
    public void SingleIfdImageJHyperstackShorterThanItsImagesCountIsRejected()
    {
        var (fixture, dataStart) = ContiguousStack(images: 5, framesStored: 3);
        var ex = Assert.Throws<PerrinFormatException>(() => Open(fixture).Dispose());
        Assert.Equal(dataStart, ex.Offset);
        Assert.Contains("images=5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("only 3 frames", ex.Message, StringComparison.Ordinal);
    }

    private static (TiffFixture Fixture, int DataStart) ContiguousStack(int images, int framesStored)
    {
        var fixture = new TiffFixture(littleEndian: false);
        var text = $"ImageJ=1.54f\nimages={images}\nframes={images}\nloop=false\n";
        var description = fixture.AppendAscii(text);
        var data = fixture.Append([.. Enumerable.Range(0, framesStored).SelectMany(f => Enumerable.Range(0, 6).Select(i => (byte)((f * 10) + i)))]);
        var ifd = fixture.AppendIfd(
            (256, Short, 1, 3), (257, Short, 1, 2), (258, Short, 1, 8), (270, AsciiString, (uint)text.Length + 1, (uint)description),
            (273, Long, 1, (uint)data), (278, Short, 1, 2), (279, Long, 1, 6));
        fixture.SetFirstIfd(ifd);
        return (fixture, data);
    }

    private TiffReader Open(TiffFixture fixture)
    {
        var path = _folder.File(Guid.NewGuid().ToString("N") + ".tif");
        File.WriteAllBytes(path, fixture.ToArray());
        return TiffReader.Open(path);
    }

    private static byte[] U16(params ushort[] values) => [.. System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())];

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
