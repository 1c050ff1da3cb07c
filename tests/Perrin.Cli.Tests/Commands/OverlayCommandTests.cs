using Perrin.Core.Imaging;
using Perrin.Core.IO.Png;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Tables;

namespace Perrin.Cli.Tests.Commands;

public sealed class OverlayCommandTests
{
    // 12 × 16 pixels of 100 nm. Frame 2 (1-based) has a detection at the centre of pixel (5, 4) and a truth at the
    // centre of pixel (10, 8).
    private static readonly Localization Detection = new(1, 550, 450);
    private static readonly Localization TruthSpot = new(1, 1050, 850);

    [Fact]
    public void DrawsGreenCrossesAndMagentaCirclesWhereTheLocalizationsAre()
    {
        using var folder = new TempFolder();
        Prepare(folder, calibrated: true);

        var (code, _, error) = CliHarness.Run("overlay", folder["movie.tif"], folder["locs.csv"], "-o", folder["o.png"], "--frame", "2", "--truth", folder["truth.csv"], "--scale", "2");

        Assert.True(code == 0, error);
        var png = PngReader.Read(folder["o.png"]);
        Assert.Equal((PngColor.Rgb, 32, 24), (png.Color, png.Width, png.Height));

        // At scale 2 the detection's centre is output pixel (11, 9); the cross's arms reach 3 pixels.
        foreach (var (x, y) in new[] { (11, 9), (8, 9), (14, 9), (11, 6), (11, 12) })
            Assert.Equal((0, 255, 0), Pixel(png, x, y));
        Assert.True(IsGrey(Pixel(png, 13, 11)));

        // The truth's circle, radius 3 around output pixel (21, 17).
        foreach (var (x, y) in new[] { (24, 17), (18, 17), (21, 14), (21, 20) })
            Assert.Equal((255, 0, 255), Pixel(png, x, y));
        Assert.True(IsGrey(Pixel(png, 21, 17)));
        Assert.Contains("green crosses", png.Text["Description"]);
    }

    [Fact]
    public void WritesOnePngPerFrameOfARangeWithMarksOnlyInTheirFrame()
    {
        using var folder = new TempFolder();
        Prepare(folder, calibrated: false);

        var (code, _, error) = CliHarness.Run("overlay", folder["movie.tif"], folder["locs.csv"], "--frames", "1:3", "-o", folder["out"], "--pixel-size", "100", "--scale", "1", "--contrast", "0:1000");

        Assert.True(code == 0, error);
        Assert.Equal(["frame_00001.png", "frame_00002.png", "frame_00003.png"], Directory.GetFiles(folder["out"]).Select(Path.GetFileName).Order());
        Assert.Equal((0, 255, 0), Pixel(PngReader.Read(Path.Combine(folder["out"], "frame_00002.png")), 5, 4));
        var first = PngReader.Read(Path.Combine(folder["out"], "frame_00001.png"));
        Assert.All(Enumerable.Range(0, first.Width * first.Height), i => Assert.True(IsGrey(Pixel(first, i % first.Width, i / first.Width))));
    }

    [Fact]
    public void AntialiasedMarksBlendWithTheFrame()
    {
        using var folder = new TempFolder();
        Prepare(folder, calibrated: true);
        LocalizationTableIO.Write(folder["none.csv"], new LocalizationTable([], LocalizationColumns.Required), TableFormat.ThunderStorm);
        Assert.Equal(0, CliHarness.Run("overlay", folder["movie.tif"], folder["locs.csv"], "-o", folder["a.png"], "--frame", "2", "--scale", "3", "--antialias").ExitCode);
        Assert.Equal(0, CliHarness.Run("overlay", folder["movie.tif"], folder["none.csv"], "-o", folder["plain.png"], "--frame", "2", "--scale", "3").ExitCode);
        var (marked, plain) = (PngReader.Read(folder["a.png"]), PngReader.Read(folder["plain.png"]));

        // At scale 3 the cross is centred on output pixel (16, 13) with arms of 4.5 pixels: pixel (21, 13) lies half a
        // pixel beyond the arm's end and takes half the colour; (16, 13) is fully covered.
        var grey = Pixel(plain, 21, 13).R;
        Assert.Equal(((int)Math.Round(grey / 2.0), (int)Math.Round(grey + ((255 - grey) / 2.0)), (int)Math.Round(grey / 2.0)), Pixel(marked, 21, 13));
        Assert.Equal((0, 255, 0), Pixel(marked, 16, 13));
        Assert.Equal(Pixel(plain, 22, 13), Pixel(marked, 22, 13));
    }

    [Fact]
    public void BadRequestsGiveClearMessages()
    {
        using var folder = new TempFolder();
        Prepare(folder, calibrated: false);
        AssertFails(["overlay", folder["movie.tif"], folder["locs.csv"], "-o", folder["o.png"]], "--pixel-size");
        AssertFails(["overlay", folder["movie.tif"], folder["locs.csv"], "-o", folder["o.png"], "--pixel-size", "100", "--frame", "4"], "1:3");
        AssertFails(["overlay", folder["movie.tif"], folder["locs.csv"], "-o", folder["o.png"], "--pixel-size", "100", "--contrast", "bright"], "--contrast");
        AssertFails(["overlay", folder["movie.tif"], folder["locs.csv"], "-o", folder["dir"], "--pixel-size", "100"], ".png");
        AssertFails(["overlay", folder["movie.tif"], folder["locs.csv"], "-o", folder["o.png"], "--pixel-size", "100", "--frames", "2-3"], "FIRST:LAST");
        AssertFails(["overlay", folder["movie.tif"], folder["nope.csv"], "-o", folder["o.png"], "--pixel-size", "100"], "nope.csv");
        Assert.False(File.Exists(folder["o.png"]));
    }

    private static void Prepare(TempFolder folder, bool calibrated)
    {
        var options = calibrated ? new TiffWriteOptions { Metadata = new StackMetadata { PixelSizeNm = 100 } } : null;
        Movies.Write(folder["movie.tif"], 3, 12, 16, PixelType.UInt16, options);
        LocalizationTableIO.Write(folder["locs.csv"], new LocalizationTable([Detection], LocalizationColumns.Required), TableFormat.ThunderStorm);
        LocalizationTableIO.Write(folder["truth.csv"], new LocalizationTable([TruthSpot], LocalizationColumns.Required), TableFormat.SmlmChallenge);
    }

    private static (int R, int G, int B) Pixel(PngImage png, int x, int y)
    {
        var i = 3 * ((y * png.Width) + x);
        return (png.Samples[i], png.Samples[i + 1], png.Samples[i + 2]);
    }

    private static bool IsGrey((int R, int G, int B) p) => p.R == p.G && p.G == p.B;

    private static void AssertFails(string[] args, string expected)
    {
        var (code, _, error) = CliHarness.Run(args);
        Assert.Equal(1, code);
        Assert.Contains(expected, error);
    }
}
