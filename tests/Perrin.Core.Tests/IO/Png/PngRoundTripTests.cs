using FsCheck;
using FsCheck.Fluent;
using Perrin.Core.IO.Png;

namespace Perrin.Core.Tests.IO.Png;

public class PngRoundTripTests
{
    [Theory]
    [InlineData(PngColor.Gray, 8)]
    [InlineData(PngColor.Gray, 16)]
    [InlineData(PngColor.Rgb, 8)]
    [InlineData(PngColor.Rgb, 16)]
    [InlineData(PngColor.GrayAlpha, 8)]
    [InlineData(PngColor.Rgba, 16)]
    public void RandomImagesRoundTripBitExact(PngColor color, int bitDepth)
    {
        var max = bitDepth == 8 ? 255 : 65535;
        var gen =
            from width in Gen.Choose(1, 19)
            from height in Gen.Choose(1, 11)
            from seed in Gen.Choose(0, int.MaxValue)
            select (width, height, seed);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var random = new Random(t.seed);
            var samples = new ushort[t.width * t.height * PngImage.ChannelsOf(color)];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = (ushort)random.Next(max + 1);
            }

            var back = RoundTrip(new PngImage(t.width, t.height, color, bitDepth, samples));
            return back.Width == t.width && back.Height == t.height && back.Color == color && back.BitDepth == bitDepth &&
                   back.Samples.AsSpan().SequenceEqual(samples);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    [Fact]
    public void ExtremeValuesAndSmoothRampsRoundTrip()
    {
        var samples = new ushort[64 * 3 * 3];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (ushort)(i % 7 == 0 ? 65535 : i % 5 == 0 ? 0 : i * 97);
        }

        var back = RoundTrip(new PngImage(64, 3, PngColor.Rgb, 16, samples));
        Assert.Equal(samples, back.Samples);
    }

    [Fact]
    public void PathVariantWritesAtomicallyAndReadsBack()
    {
        var folder = Directory.CreateTempSubdirectory("perrin-png-").FullName;
        try
        {
            var path = Path.Combine(folder, "picture.png");
            File.WriteAllText(path, "an older file that must be replaced");
            var image = new PngImage(2, 2, PngColor.Gray, 16, [0, 1, 65534, 65535]);
            PngWriter.Write(path, image);
            Assert.Equal(image.Samples, PngReader.Read(path).Samples);
            Assert.Equal(["picture.png"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void ConstructorRefusesEightBitValuesAbove255() =>
        Assert.Throws<ArgumentException>(() => new PngImage(1, 1, PngColor.Gray, 8, [256]));

    [Fact]
    public void ConstructorRefusesWrongSampleCount() =>
        Assert.Throws<ArgumentException>(() => new PngImage(2, 1, PngColor.Rgb, 8, [1, 2, 3]));

    private static PngImage RoundTrip(PngImage image)
    {
        using var stream = new MemoryStream();
        PngWriter.Write(stream, image);
        stream.Position = 0;
        return PngReader.Read(stream);
    }
}
