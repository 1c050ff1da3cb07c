using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests;

public sealed class ConvertCommandTests
{
    [Theory]
    [InlineData(PixelType.UInt8)]
    [InlineData(PixelType.Int16)]
    [InlineData(PixelType.UInt32)]
    [InlineData(PixelType.Float32)]
    public void TiffVariantsRoundTripBitExact(PixelType type)
    {
        using var folder = new TempFolder();
        var original = Movies.Write(folder["in.tif"], 3, 17, 23, type);

        Assert.Equal(0, CliHarness.Run("convert", folder["in.tif"], folder["be.tif"], "--big-endian", "-c", "Lzw", "--predictor").ExitCode);
        Assert.Equal(0, CliHarness.Run("convert", folder["be.tif"], folder["tiled.tif"], "--tile", "16", "-c", "Deflate", "--bigtiff").ExitCode);
        Assert.Equal(0, CliHarness.Run("convert", folder["tiled.tif"], folder["back.tif"], "-c", "PackBits").ExitCode);

        using (var be = TiffReader.Open(folder["be.tif"]))
        {
            Assert.False(be.Info.LittleEndian);
        }

        using (var tiled = TiffReader.Open(folder["tiled.tif"]))
        {
            Assert.True(tiled.Info.Tiled && tiled.Info.IsBigTiff);
        }

        Assert.Equal(original, Movies.ReadAll(folder["back.tif"]));
        using var a = TiffReader.Open(folder["in.tif"]);
        using var c = TiffReader.Open(folder["back.tif"]);
        var raw1 = new byte[17 * 23 * type.BytesPerSample()];
        var raw2 = new byte[raw1.Length];
        for (var f = 0; f < 3; f++)
        {
            a.ReadFrameRaw(f, raw1);
            c.ReadFrameRaw(f, raw2);
            Assert.Equal(raw1, raw2);
        }
    }

    [Fact]
    public void TiffToPngSequenceAndBackIsBitExactFor16Bit()
    {
        using var folder = new TempFolder();
        var original = Movies.Write(folder["movie.tif"], 5, 12, 19, PixelType.UInt16, new TiffWriteOptions { Metadata = new StackMetadata { PixelSizeNm = 160 } });

        var (code, _, error) = CliHarness.Run("convert", folder["movie.tif"], folder["frames"] + "/");
        Assert.True(code == 0, error);
        Assert.Equal(5, Directory.GetFiles(folder["frames"], "*.png").Length);

        Assert.Equal(0, CliHarness.Run("convert", folder["frames"], folder["back.tif"]).ExitCode);
        Assert.Equal(original, Movies.ReadAll(folder["back.tif"]));

        var again = CliHarness.Run("convert", folder["movie.tif"], folder["frames"] + "/");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliHarness.Run("convert", folder["movie.tif"], folder["frames"] + "/", "--force").ExitCode);
        using var back = TiffReader.Open(folder["back.tif"]);
        Assert.Equal(160, back.Metadata.PixelSizeNm!.Value, 3);
    }

    [Fact]
    public void MinMaxScalingStretchesToTheFull8BitRange()
    {
        using var folder = new TempFolder();
        var original = Movies.Write(folder["f.tif"], 2, 9, 9, PixelType.Float32);

        Assert.Equal(0, CliHarness.Run("convert", folder["f.tif"], folder["u8.tif"], "--type", "u8", "--scaling", "MinMax").ExitCode);

        var scaled = Movies.ReadAll(folder["u8.tif"]);
        var (min, max) = (original.Min(), original.Max());
        Assert.Equal(0, scaled.Min());
        Assert.Equal(255, scaled.Max());
        for (var i = 0; i < original.Length; i++)
        {
            Assert.Equal(Math.Round((original[i] - min) * 255.0 / (max - min)), scaled[i], 0);
        }
    }

    [Fact]
    public void SingleFramePngAndCalibrationOverride()
    {
        using var folder = new TempFolder();
        var original = Movies.Write(folder["one.tif"], 1, 10, 14, PixelType.UInt8);
        Assert.Equal(0, CliHarness.Run("convert", folder["one.tif"], folder["one.png"]).ExitCode);
        Assert.Equal(original, Movies.ReadAll(folder["one.png"]));

        Assert.Equal(0, CliHarness.Run("convert", folder["one.png"], folder["cal.tif"], "--pixel-size", "65", "--frame-interval", "0.1").ExitCode);
        using var reader = MovieFile.OpenReader(folder["cal.tif"]);
        Assert.Equal(65, reader.Metadata.PixelSizeNm!.Value, 6);
        Assert.Equal(0.1, reader.Metadata.FrameIntervalS!.Value, 9);
    }

    [Fact]
    public void ImpossibleRequestsAreUserErrorsWithAdvice()
    {
        using var folder = new TempFolder();
        Movies.Write(folder["f.tif"], 3, 8, 8, PixelType.Float32);
        File.WriteAllText(folder["exists.tif"], "keep me");

        var toPng = CliHarness.Run("convert", folder["f.tif"], folder["f.png"], "--type", "u16");
        Assert.Equal(1, toPng.ExitCode);
        Assert.Contains("3 frames", toPng.Error, StringComparison.Ordinal);

        var floatPng = CliHarness.Run("convert", folder["f.tif"], folder["frames"] + "/");
        Assert.Equal(1, floatPng.ExitCode);
        Assert.Contains("--type u16", floatPng.Error, StringComparison.Ordinal);

        var exists = CliHarness.Run("convert", folder["f.tif"], folder["exists.tif"]);
        Assert.Equal(1, exists.ExitCode);
        Assert.Contains("--force", exists.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(folder["exists.tif"]));

        var badType = CliHarness.Run("convert", folder["f.tif"], folder["x.tif"], "--type", "u12");
        Assert.Equal(1, badType.ExitCode);
        Assert.Contains("u12", badType.Error, StringComparison.Ordinal);

        var badTile = CliHarness.Run("convert", folder["f.tif"], folder["x.tif"], "--tile", "20");
        Assert.Equal(1, badTile.ExitCode);
        Assert.Contains("multiple of 16", badTile.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["x.tif"]));
    }

    [Fact]
    public void TablesConvertBetweenConventionsExactly()
    {
        using var folder = new TempFolder();
        File.WriteAllText(
            folder["storm.csv"],
            "\"id\",\"frame\",\"x [nm]\",\"y [nm]\",\"sigma [nm]\",\"intensity [photon]\",\"offset [photon]\",\"bkgstd [photon]\",\"uncertainty [nm]\"\n" +
            "1,1,50,150,120,1000,10,3,12\n2,3,1275,2050,130,900,11,3,13\n");

        var noFormat = CliHarness.Run("convert", folder["storm.csv"], folder["tp.csv"]);
        Assert.Equal(1, noFormat.ExitCode);
        Assert.Contains("--format", noFormat.Error, StringComparison.Ordinal);

        var noPixel = CliHarness.Run("convert", folder["storm.csv"], folder["tp.csv"], "--format", "Trackpy");
        Assert.Equal(1, noPixel.ExitCode);

        Assert.Equal(0, CliHarness.Run("convert", folder["storm.csv"], folder["tp.csv"], "--format", "Trackpy", "--pixel-size", "100").ExitCode);
        var lines = File.ReadAllLines(folder["tp.csv"]);
        Assert.Equal("frame,x,y,mass,size,ecc,signal,raw_mass,ep", lines[0]);
        Assert.StartsWith("0,0,1,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,12.25,20,", lines[2], StringComparison.Ordinal);

        Assert.Equal(0, CliHarness.Run("convert", folder["tp.csv"], folder["back.csv"], "-f", "ThunderStorm", "--pixel-size", "100").ExitCode);
        var back = LocalizationTableIO.Read(folder["back.csv"]);
        Assert.Equal([50.0, 1275.0], back.Rows.Select(r => r.X));
        Assert.Equal([150.0, 2050.0], back.Rows.Select(r => r.Y));
        Assert.Equal([0, 2], back.Rows.Select(r => r.Frame));
    }
}
