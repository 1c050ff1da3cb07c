using System.Text.Json;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;

namespace Perrin.Cli.Tests;

public sealed class InfoCommandTests
{
    [Fact]
    public void DescribesABigEndianCalibratedTiff()
    {
        using var folder = new TempFolder();
        var path = folder["movie.tif"];
        Movies.Write(path, 4, 21, 34, PixelType.UInt16, new TiffWriteOptions
        {
            LittleEndian = false,
            Compression = TiffCompression.Lzw,
            Metadata = new StackMetadata { PixelSizeNm = 107.5, FrameIntervalS = 0.02 },
        });

        var (code, output, _) = CliHarness.Run("info", path, "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("TIFF", json.GetProperty("format").GetString());
        Assert.Equal("big-endian (MM)", json.GetProperty("byte_order").GetString());
        Assert.Equal(34, json.GetProperty("width").GetInt32());
        Assert.Equal(21, json.GetProperty("height").GetInt32());
        Assert.Equal(4, json.GetProperty("frames").GetInt32());
        Assert.Equal("u16", json.GetProperty("pixel_type").GetString());
        Assert.Equal("LZW", json.GetProperty("compression").GetString());
        Assert.Equal(107.5, json.GetProperty("pixel_size_nm").GetDouble(), 6);
        Assert.Equal(0.02, json.GetProperty("frame_interval_s").GetDouble(), 9);
        Assert.True(json.GetProperty("imagej").GetBoolean());
    }

    [Fact]
    public void TableInfoReportsFramesOneBasedAndExtentInPixelsForTrackpy()
    {
        using var folder = new TempFolder();
        var path = folder["locs.csv"];
        File.WriteAllText(path, "frame,x,y,mass,size,ecc,signal,raw_mass,ep\n0,1.5,2,10,1,0,3,12,0.1\n4,12.25,7,10,1,0,3,12,0.1\n");

        var (code, output, _) = CliHarness.Run("info", path, "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, json.GetProperty("rows").GetInt32());
        Assert.Equal(1, json.GetProperty("first_frame").GetInt32());
        Assert.Equal(5, json.GetProperty("last_frame").GetInt32());
        Assert.Equal("px", json.GetProperty("extent_unit").GetString());
        Assert.Equal(1.5, json.GetProperty("x_min").GetDouble(), 12);
        Assert.Equal(12.25, json.GetProperty("x_max").GetDouble(), 12);

        var (_, nm, _) = CliHarness.Run("info", path, "--json", "--pixel-size", "100");
        var inNm = JsonDocument.Parse(nm).RootElement;
        Assert.Equal("nm", inNm.GetProperty("extent_unit").GetString());
        Assert.Equal(1275.0, inNm.GetProperty("x_max").GetDouble(), 9);
    }

    [Fact]
    public void CorruptTiffGivesOneLineNamingFileAndOffset()
    {
        using var folder = new TempFolder();
        var path = folder["broken.tif"];
        Movies.Write(path, 2, 8, 8, PixelType.UInt16);
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes(uint.MaxValue - 3).CopyTo(bytes, 4);
        File.WriteAllBytes(path, bytes);

        var (code, _, error) = CliHarness.Run("info", path);

        Assert.Equal(1, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("byte 4", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void NeitherMovieNorTableIsAUserError()
    {
        using var folder = new TempFolder();
        var path = folder["noise.bin"];
        File.WriteAllBytes(path, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var (code, _, error) = CliHarness.Run("info", path);
        Assert.Equal(1, code);
        Assert.Contains(path, error, StringComparison.Ordinal);
    }
}
