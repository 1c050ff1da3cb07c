using Perrin.Core.Tables;

namespace Perrin.Cli.Tests.Commands;

public sealed class TrackCommandTests
{
    private const string NaNs = "NaN,NaN,NaN,NaN,NaN,NaN";

    // Particle A walks right along y ≈ 10; B sits near (50, 50), is missed in frame 2 and seen again in frame 3.
    private const string Trackpy =
        "frame,x,y\n" +
        "1,51,50\n" +
        "0,50,50\n" +
        "1,11,10.5\n" +
        "0,10,10\n" +
        "2,12,11\n" +
        "3,52,50\n";

    [Fact]
    public void TrackpyInPixelsIsLinkedWithMemoryAndWrittenWithParticleIds()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["locs.csv"], Trackpy);

        var (code, _, error) = CliHarness.Run("track", folder["locs.csv"], "--search-range", "3", "--memory", "1", "-o", folder["tracks.csv"]);

        Assert.True(code == 0, error);
        Assert.Equal(
            "frame,x,y,mass,size,ecc,signal,raw_mass,ep,particle\n" +
            $"0,10,10,{NaNs},0\n" +
            $"0,50,50,{NaNs},1\n" +
            $"1,11,10.5,{NaNs},0\n" +
            $"1,51,50,{NaNs},1\n" +
            $"2,12,11,{NaNs},0\n" +
            $"3,52,50,{NaNs},1\n",
            File.ReadAllText(folder["tracks.csv"]));
        Assert.Contains("6 localizations in 4 frames → 2 tracks, 4 links (1 across gaps)", error, StringComparison.Ordinal);
        Assert.Contains("2 tracks, mean length 3.0 frames", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutMemoryTheGapStartsANewTrackThatMinLengthDrops()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["locs.csv"], Trackpy);

        var (code, _, error) = CliHarness.Run("track", folder["locs.csv"], "--search-range", "3", "--min-length", "2", "-o", folder["tracks.csv"]);

        Assert.True(code == 0, error);
        var tracks = LocalizationTableIO.Read(folder["tracks.csv"], TableFormat.Trackpy, 1);
        Assert.Equal(new long?[] { 0, 1, 0, 1, 0 }, tracks.Rows.Select(r => r.Particle));
        Assert.Contains("1 tracks shorter than 2 frames dropped", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ThunderStormInNanometresNeedsThePixelSizeAndKeepsItsColumns()
    {
        using var folder = new TempFolder();
        File.WriteAllText(
            folder["locs.csv"],
            ThunderStormCsv.Header + "\n" +
            "1,1,1000,1000,120,500,10,2,8\n" +
            "2,2,1150,1000,121,510,10,2,8\n" +
            "3,3,1300,1000,122,520,10,2,8\n");

        var refused = CliHarness.Run("track", folder["locs.csv"], "--search-range", "2", "-o", folder["tracks.csv"], "--format", "thunderstorm");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--pixel-size", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["tracks.csv"]));

        // 150 nm steps are 1.5 px at 100 nm per pixel: linked under a 2 px search range, not under 1 px.
        var (code, _, error) = CliHarness.Run("track", folder["locs.csv"], "--search-range", "2", "--pixel-size", "100", "-o", folder["tracks.csv"], "--format", "ThunderSTORM");
        Assert.True(code == 0, error);
        Assert.Equal(
            ThunderStormCsv.Header + ",\"particle\"\n" +
            "1,1,1000,1000,120,500,10,2,8,0\n" +
            "2,2,1150,1000,121,510,10,2,8,0\n" +
            "3,3,1300,1000,122,520,10,2,8,0\n",
            File.ReadAllText(folder["tracks.csv"]));

        Assert.Equal(0, CliHarness.Run("track", folder["locs.csv"], "--search-range", "1", "--pixel-size", "100", "-o", folder["short.csv"]).ExitCode);
        var unlinked = LocalizationTableIO.Read(folder["short.csv"], TableFormat.Trackpy, 100);
        Assert.Equal(new long?[] { 0, 1, 2 }, unlinked.Rows.Select(r => r.Particle));
        Assert.Equal(new[] { 9.5, 11, 12.5 }, unlinked.Rows.Select(r => PixelCoordinates.ToPixels(r.X, 100)));
    }

    [Fact]
    public void PredictionFollowsAParticleFasterThanTheSearchRange()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["locs.csv"], "frame,x,y\n0,0,0\n1,2,0\n2,5,0\n3,8.5,0\n4,12.5,0\n");

        Assert.Equal(0, CliHarness.Run("track", folder["locs.csv"], "--search-range", "3", "-o", folder["plain.csv"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("track", folder["locs.csv"], "--search-range", "3", "--predict", "-o", folder["predicted.csv"]).ExitCode);

        Assert.Equal(new long?[] { 0, 0, 1, 2, 3 }, LocalizationTableIO.Read(folder["plain.csv"], TableFormat.Trackpy, 1).Rows.Select(r => r.Particle));
        Assert.All(LocalizationTableIO.Read(folder["predicted.csv"], TableFormat.Trackpy, 1).Rows, r => Assert.Equal(0, r.Particle));
    }

    [Theory]
    [InlineData("x,y\n0,1\n", "missing required column 'frame' for a trackpy table")]
    [InlineData("\"frame\",\"x [nm]\"\n1,5\n", "missing required column 'y [nm]' for a ThunderSTORM table")]
    [InlineData("frame,x,y\n", "holds no localizations")]
    [InlineData("a,b,c\n1,2,3\n", "unrecognised localization table header")]
    [InlineData("frame,x,y\n0,1,oops\n", "line 2")]
    [InlineData("", "the file is empty")]
    public void BadTablesAreUserErrorsThatLeaveTheOutputAlone(string table, string message)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["locs.csv"], table);
        File.WriteAllText(folder["tracks.csv"], "keep");

        var (code, _, error) = CliHarness.Run("track", folder["locs.csv"], "--search-range", "3", "-o", folder["tracks.csv"]);

        Assert.Equal(1, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(folder["tracks.csv"]));
    }

    [Theory]
    [InlineData("--search-range", "0", "--search-range must be a positive number of pixels")]
    [InlineData("--search-range", "NaN", "--search-range must be a positive number of pixels")]
    [InlineData("--memory", "-1", "--memory must be a number of frames")]
    [InlineData("--min-length", "0", "--min-length must be a number of frames ≥ 1")]
    [InlineData("--pixel-size", "-5", "--pixel-size must be a positive number of nm")]
    [InlineData("--format", "smlm", "--format 'smlm' is not a track format")]
    public void BadOptionsAreNamed(string option, string value, string message)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["locs.csv"], Trackpy);
        string[] range = option == "--search-range" ? [] : ["--search-range", "3"];
        var (code, _, error) = CliHarness.Run(["track", folder["locs.csv"], "-o", folder["tracks.csv"], .. range, option, value]);

        Assert.Equal(1, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["tracks.csv"]));
    }

    [Fact]
    public void MissingFileSearchRangeAndSameInputAsOutputAreRefused()
    {
        using var folder = new TempFolder();
        var missing = CliHarness.Run("track", folder["none.csv"], "--search-range", "3", "-o", folder["tracks.csv"]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("none.csv", missing.Error, StringComparison.Ordinal);

        File.WriteAllText(folder["locs.csv"], Trackpy);
        var noRange = CliHarness.Run("track", folder["locs.csv"], "-o", folder["tracks.csv"]);
        Assert.Equal(1, noRange.ExitCode);
        Assert.Contains("--search-range", noRange.Error, StringComparison.Ordinal);

        var same = CliHarness.Run("track", folder["locs.csv"], "--search-range", "3", "-o", folder["locs.csv"]);
        Assert.Equal(1, same.ExitCode);
        Assert.Contains("would replace the input", same.Error, StringComparison.Ordinal);
        Assert.Equal(Trackpy, File.ReadAllText(folder["locs.csv"]));
    }

    [Fact]
    public void TrackpyTablesWrittenInNanometresNeedThePixelSize()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["locs.csv"], Trackpy);
        var (code, _, error) = CliHarness.Run("track", folder["locs.csv"], "--search-range", "3", "-o", folder["tracks.csv"], "--format", "thunderstorm");
        Assert.Equal(1, code);
        Assert.Contains("is in pixels", error, StringComparison.Ordinal);
        Assert.Contains("--pixel-size", error, StringComparison.Ordinal);
    }
}
