using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Tiff;

namespace Perrin.Core.Tests.IO;

public sealed class FrameCopyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("perrin-copy-").FullName;

    [Fact]
    public void SameTypeCopiesRawSamplesBitExactly()
    {
        var source = Path.Combine(_folder, "in.tif");
        float[] data = [BitConverter.Int32BitsToSingle(0x7FC0_0001), -0f, 1.5f, float.NegativeInfinity, 3, 4];
        Write(source, PixelType.Float32, data, 2, 1, 3);

        var target = Path.Combine(_folder, "out.tif");
        long reported = 0;
        using (var reader = TiffReader.Open(source))
        using (var writer = TiffWriter.Create(target, 3, 1, PixelType.Float32, new TiffWriteOptions { LittleEndian = false }))
        {
            Assert.Equal(2, FrameCopy.WorkUnits(reader, writer, IntegerScaling.Clip));
            FrameCopy.Copy(reader, writer, IntegerScaling.Clip, done => reported = done);
            writer.Complete();
        }

        Assert.Equal(2, reported);
        using var back = TiffReader.Open(target);
        var frame = new float[3];
        var all = new List<int>();
        for (var f = 0; f < 2; f++)
        {
            back.ReadFrame(f, frame);
            all.AddRange(frame.Select(BitConverter.SingleToInt32Bits));
        }

        Assert.Equal(data.Select(BitConverter.SingleToInt32Bits), all);
    }

    [Fact]
    public void MinMaxTakesAFirstPassOverTheWholeMovie()
    {
        var source = Path.Combine(_folder, "in.tif");
        Write(source, PixelType.UInt16, [100, 200, 300, 400, 500, 900], 2, 1, 3);

        var target = Path.Combine(_folder, "out.tif");
        using (var reader = TiffReader.Open(source))
        using (var writer = TiffWriter.Create(target, 3, 1, PixelType.UInt8))
        {
            Assert.Equal(4, FrameCopy.WorkUnits(reader, writer, IntegerScaling.MinMax));
            FrameCopy.Copy(reader, writer, IntegerScaling.MinMax);
            writer.Complete();
        }

        using var back = TiffReader.Open(target);
        var stack = ImageStack.Read(back);
        Assert.Equal(new float[] { 0, 32, 64, 96, 128, 255 }, stack.Data.ToArray());
    }

    [Fact]
    public void MismatchedFrameSizesAreRejected()
    {
        var source = Path.Combine(_folder, "in.tif");
        Write(source, PixelType.UInt8, [1, 2, 3], 1, 1, 3);
        using var reader = TiffReader.Open(source);
        using var writer = TiffWriter.Create(Path.Combine(_folder, "o.tif"), 4, 1, PixelType.UInt8);
        Assert.Throws<ArgumentException>(() => FrameCopy.Copy(reader, writer));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void Write(string path, PixelType type, float[] data, int frames, int height, int width)
    {
        using var writer = TiffWriter.Create(path, width, height, type);
        new ImageStack(frames, height, width, data).WriteTo(writer);
        writer.Complete();
    }
}
