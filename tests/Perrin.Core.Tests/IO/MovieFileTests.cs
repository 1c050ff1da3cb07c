using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Png;
using Perrin.Core.IO.Tiff;

namespace Perrin.Core.Tests.IO;

public sealed class MovieFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("perrin-movie-").FullName;

    [Fact]
    public void KindsAreRecognisedByContentNotName()
    {
        var tiffNamedPng = Path.Combine(_folder, "really-a-tiff.png");
        using (var writer = TiffWriter.Create(tiffNamedPng, 2, 2, PixelType.UInt8, new TiffWriteOptions { LittleEndian = false }))
        {
            writer.WriteFrame([1, 2, 3, 4]);
            writer.Complete();
        }

        var png = Path.Combine(_folder, "frame.dat");
        PngWriter.Write(png, new PngImage(1, 1, PngColor.Gray, 8, [5]));
        var table = Path.Combine(_folder, "locs.txt");
        File.WriteAllText(table, "frame,x,y\n0,1,2\n");
        var binary = Path.Combine(_folder, "noise.tif");
        File.WriteAllBytes(binary, [0, 1, 2, 3, 200, 201]);

        Assert.Equal(FileKind.Tiff, MovieFile.Detect(tiffNamedPng));
        Assert.Equal(FileKind.Png, MovieFile.Detect(png));
        Assert.Equal(FileKind.Table, MovieFile.Detect(table));
        Assert.Equal(FileKind.Unknown, MovieFile.Detect(binary));
        Assert.Equal(FileKind.PngSequence, MovieFile.Detect(_folder));
        Assert.Equal(FileKind.PngSequence, MovieFile.Detect(Path.Combine(_folder, "*.png")));

        using var reader = MovieFile.OpenReader(tiffNamedPng);
        Assert.Equal(2, reader.Width);
        var error = Assert.Throws<PerrinFormatException>(() => MovieFile.OpenReader(binary));
        Assert.Contains("noise.tif", error.Message, StringComparison.Ordinal);
        Assert.Throws<PerrinFormatException>(() => MovieFile.OpenReader(table));
        Assert.Throws<FileNotFoundException>(() => MovieFile.Detect(Path.Combine(_folder, "missing.tif")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
