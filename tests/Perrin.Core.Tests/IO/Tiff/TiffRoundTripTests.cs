using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;

namespace Perrin.Core.Tests.IO.Tiff;

public sealed class TiffRoundTripTests : IDisposable
{
    private const int Width = 37;
    private const int Height = 23;
    private const int Frames = 3;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<PixelType, bool, TiffLayout, TiffCompression, int, bool> Matrix()
    {
        var data = new TheoryData<PixelType, bool, TiffLayout, TiffCompression, int, bool>();
        foreach (var type in Enum.GetValues<PixelType>())
        {
            var codecs = new List<(TiffCompression, int)>
            {
                (TiffCompression.None, 1), (TiffCompression.PackBits, 1),
                (TiffCompression.Lzw, 1), (TiffCompression.Lzw, 2), (TiffCompression.Deflate, 1), (TiffCompression.Deflate, 2),
            };
            if (type.IsFloatingPoint())
            {
                codecs.Add((TiffCompression.Lzw, 3));
                codecs.Add((TiffCompression.Deflate, 3));
            }

            foreach (var little in new[] { true, false })
            {
                foreach (var layout in Enum.GetValues<TiffLayout>())
                {
                    foreach (var (compression, predictor) in codecs)
                    {
                        foreach (var big in new[] { false, true })
                        {
                            data.Add(type, little, layout, compression, predictor, big);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void RawSamplesRoundTripBitExact(PixelType type, bool little, TiffLayout layout, TiffCompression compression, int predictor, bool big)
    {
        var random = new Random(HashCode.Combine(type, little, layout, compression, predictor, big));
        var frames = Enumerable.Range(0, Frames).Select(_ => TiffTestData.Frame(type, Width, Height, random)).ToArray();
        var options = new TiffWriteOptions
        {
            LittleEndian = little,
            Layout = layout,
            Compression = compression,
            Predictor = predictor,
            BigTiff = big,
            TileSize = 16,
            RowsPerStrip = 5,
        };
        var path = _folder.File("rt.tif");
        using (var writer = TiffWriter.Create(path, Width, Height, type, options))
        {
            foreach (var frame in frames)
            {
                writer.WriteFrameRaw(frame);
            }

            writer.Complete();
            Assert.Equal(big, writer.IsBigTiff);
        }

        using var reader = TiffReader.Open(path);
        var info = reader.Info;
        Assert.Equal((little, big, Frames, Width, Height, type), (info.LittleEndian, info.IsBigTiff, info.FrameCount, info.Width, info.Height, info.PixelType));
        Assert.Equal(layout == TiffLayout.Tiles, info.Tiled);
        Assert.Equal(predictor, info.Predictor);
        Assert.Equal(compression switch { TiffCompression.None => "none", TiffCompression.PackBits => "PackBits", TiffCompression.Lzw => "LZW", _ => "Deflate" }, info.Compression);
        Assert.Equal(layout == TiffLayout.Tiles ? null : 5, info.RowsPerStrip);
        Assert.Equal(layout == TiffLayout.Tiles ? 16 : null, info.TileWidth);
        var raw = new byte[reader.FrameBytes];
        for (var f = Frames - 1; f >= 0; f--)
        {
            reader.ReadFrameRaw(f, raw);
            Assert.Equal(frames[f], raw);
        }
    }

    [Fact]
    public void FloatFramesAreRoundedAndSaturatedOnWriteAndWidenedOnRead()
    {
        var path = _folder.File("float.tif");
        using (var writer = TiffWriter.Create(path, 4, 1, PixelType.UInt16))
        {
            writer.WriteFrame([-5f, 1.5f, 70000f, float.NaN]);
            writer.Complete();
        }

        using var reader = TiffReader.Open(path);
        var pixels = new float[4];
        reader.ReadFrame(0, pixels);
        Assert.Equal(new[] { 0f, 2f, 65535f, 0f }, pixels);
    }

    [Fact]
    public void AutomaticStripsAreAbout64KiB()
    {
        var path = _folder.File("auto.tif");
        using (var writer = TiffWriter.Create(path, 1000, 300, PixelType.UInt16))
        {
            writer.WriteFrameRaw(new byte[1000 * 300 * 2]);
            writer.Complete();
            Assert.False(writer.IsBigTiff);
        }

        using var reader = TiffReader.Open(path);
        Assert.Equal(32, reader.Info.RowsPerStrip);
    }

    [Fact]
    public void ManyFramesWithManyStripsReadInAnyOrder()
    {
        var path = _folder.File("many.tif");
        var random = new Random(5);
        var frames = Enumerable.Range(0, 200).Select(_ => TiffTestData.Frame(PixelType.UInt8, 9, 7, random)).ToArray();
        using (var writer = TiffWriter.Create(path, 9, 7, PixelType.UInt8, new TiffWriteOptions { RowsPerStrip = 2, ExpectedFrameCount = 200 }))
        {
            foreach (var frame in frames)
            {
                writer.WriteFrameRaw(frame);
            }

            writer.Complete();
        }

        using var reader = TiffReader.Open(path);
        Assert.Equal(200, reader.FrameCount);
        var raw = new byte[63];
        foreach (var f in new[] { 199, 0, 57, 58, 3 })
        {
            reader.ReadFrameRaw(f, raw);
            Assert.Equal(frames[f], raw);
        }
    }

    [Fact]
    public void WriterRejectsPredictorWithoutLzwOrDeflateAndBadTileSizes()
    {
        var path = _folder.File("bad.tif");
        Assert.Throws<ArgumentException>(() => TiffWriter.Create(path, 4, 4, PixelType.UInt16, new TiffWriteOptions { Predictor = 2 }));
        Assert.Throws<ArgumentException>(() => TiffWriter.Create(path, 4, 4, PixelType.UInt16, new TiffWriteOptions { Compression = TiffCompression.Lzw, Predictor = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TiffWriter.Create(path, 4, 4, PixelType.UInt16, new TiffWriteOptions { Layout = TiffLayout.Tiles, TileSize = 20 }));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }
}
