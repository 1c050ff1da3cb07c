using Perrin.Analysis.Iscat;
using Perrin.Core.Imaging;
using Perrin.Core.IO;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Randomness;

namespace Perrin.Cli.Tests.Commands;

public sealed class PreprocessCommandTests
{
    private const int Frames = 24;
    private const int Height = 12;
    private const int Width = 16;
    private const int Appears = 10;

    [Fact]
    public void RollingBackgroundDraAndFpnGiveTheLibraryFramesExactlyOnAnyThreadCount()
    {
        using var folder = new TempFolder();
        var movie = WriteMovie(folder["in.tif"], PixelType.UInt16, noise: 3);

        var (code, _, error) = CliHarness.Run("preprocess", folder["in.tif"], "-o", folder["out.tif"], "--power-normalize",
            "--background", "rolling:5", "--background-mode", "subtract", "--dra", "3", "--fpn", "columns", "--threads", "3");

        Assert.True(code == 0, error);
        var expected = FrameStages.Apply(new FrameStageChain(
            new PowerNormalizationStage(Height, Width),
            new RollingMedianBackgroundStage(Height, Width, 5, BackgroundCorrection.Subtract),
            new DifferentialRollingAverageStage(Height, Width, 3, DraMode.Difference),
            new FixedPatternNoiseStage(Height, Width, FpnAxis.Columns)), movie);
        AssertSameMovie(expected, folder["out.tif"]);
        Assert.Equal(Frames - 4 - 5, expected.FrameCount);
        Assert.Contains("24 frames in, 15 out (9 fewer: the rolling median holds back W − 1 = 4, the DRA holds back 2B − 1 = 5", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WholeMovieMedianIsTakenOverTheNormalizedFrames()
    {
        using var folder = new TempFolder();
        var movie = WriteMovie(folder["in.tif"], PixelType.Float32, noise: 2);

        var (code, _, error) = CliHarness.Run("preprocess", folder["in.tif"], "-o", folder["out.tif"], "--power-normalize",
            "--background", "median", "--dra", "2", "--fpn", "both", "--threads", "2");

        Assert.True(code == 0, error);
        var normalized = FrameStages.Apply(new PowerNormalizationStage(Height, Width), movie);
        var background = TemporalMedian.Compute(normalized);
        var expected = FrameStages.Apply(new FrameStageChain(
            new PowerNormalizationStage(Height, Width),
            new StaticBackgroundStage(background, Height, Width, BackgroundCorrection.Ratio),
            new DifferentialRollingAverageStage(Height, Width, 2, DraMode.Difference),
            new FixedPatternNoiseStage(Height, Width, FpnAxis.Both)), movie);
        AssertSameMovie(expected, folder["out.tif"]);
        Assert.Contains("24 frames in, 21 out (3 fewer: the DRA holds back 2B − 1 = 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PowerNormalizedDraCancelsTheFlickerAndShowsTheParticleWhereItAppears()
    {
        using var folder = new TempFolder();
        WriteMovie(folder["in.tif"], PixelType.Float32, noise: 0);
        const int batch = 3;

        var (code, _, error) = CliHarness.Run("preprocess", folder["in.tif"], "-o", folder["out.tif"], "--power-normalize", "--dra", $"{batch}");

        Assert.True(code == 0, error);
        var output = ReadMovie(folder["out.tif"]);
        Assert.Equal(Frames - (2 * batch) + 1, output.FrameCount);

        // Before the particle, every frame is the same pattern times a flicker factor, which the normalization removes.
        for (var k = 0; k + (2 * batch) - 1 < Appears; k++)
        {
            foreach (var v in output[k].Pixels)
            {
                Assert.InRange(v, -2e-6f, 2e-6f);
            }
        }

        // When the later batch holds only frames with the particle and the earlier none, its dip is darkest at its pixel.
        var frame = output[Appears - batch].Pixels;
        var darkest = frame.IndexOf(MinOf(frame));
        Assert.Equal((6 * Width) + 6, darkest);
        Assert.InRange(frame[darkest], -0.045f, -0.02f);
    }

    [Fact]
    public void KeepsThePixelSizeAndFrameInterval()
    {
        using var folder = new TempFolder();
        WriteMovie(folder["in.tif"], PixelType.UInt16, noise: 1);

        var (code, _, error) = CliHarness.Run("preprocess", folder["in.tif"], "-o", folder["out.tif"], "--fpn", "rows");

        Assert.True(code == 0, error);
        using var reader = TiffReader.Open(folder["out.tif"]);
        Assert.Equal(PixelType.Float32, reader.PixelType);
        Assert.Equal(Frames, reader.FrameCount);
        Assert.Equal(117, reader.Metadata.PixelSizeNm!.Value, 9);
        Assert.Equal(0.002, reader.Metadata.FrameIntervalS!.Value, 12);
        Assert.Contains("fixed-pattern-noise correction (rows)", reader.Metadata.Description, StringComparison.Ordinal);
        Assert.Contains("24 frames in, 24 out;", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dra 0", "at least 1")]
    [InlineData("--dra 3 --dra-mode sideways", "--dra-mode must be 'ratio'")]
    [InlineData("--fpn diagonal", "--fpn must be 'rows', 'columns' or 'both'")]
    [InlineData("--background rolling:4", "odd number of frames")]
    [InlineData("--background mean", "--background must be 'median'")]
    [InlineData("--background median --background-mode divide", "--background-mode must be")]
    [InlineData("--background-mode ratio --dra 2", "add --background")]
    [InlineData("--background median --dra 2 --dra-mode ratio", "use --dra-mode difference")]
    [InlineData("--threads 0", "--threads")]
    [InlineData("", "nothing to do")]
    [InlineData("--dra 13", "has 24 frames, too few: --dra 13 needs 26 (two batches of 13)")]
    [InlineData("--background rolling:23 --dra 2", "--background rolling:23 needs 23 and --dra 2 needs 4 (two batches of 2); together they need 26")]
    public void BadOptionsAreOneLineMessagesAndWriteNothing(string options, string message)
    {
        using var folder = new TempFolder();
        WriteMovie(folder["in.tif"], PixelType.UInt16, noise: 1);
        string[] args = ["preprocess", folder["in.tif"], "-o", folder["out.tif"], .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

        var (code, _, error) = CliHarness.Run(args);

        Assert.Equal(1, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(folder["out.tif"]));
    }

    [Fact]
    public void ANonFinitePixelIsNamedByFrameAndPosition()
    {
        using var folder = new TempFolder();
        var movie = Movie(noise: 0);
        movie.At(2, 4, 7) = float.NaN;
        Write(folder["in.tif"], movie, PixelType.Float32);

        var (code, _, error) = CliHarness.Run("preprocess", folder["in.tif"], "-o", folder["out.tif"], "--dra", "2");

        Assert.Equal(1, code);
        Assert.Contains("in.tif: frame 3 has the non-finite value NaN at pixel (7, 4)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder["out.tif"]));
    }

    [Fact]
    public void AnExistingOutputNeedsForce()
    {
        using var folder = new TempFolder();
        WriteMovie(folder["in.tif"], PixelType.UInt16, noise: 1);
        File.WriteAllText(folder["out.tif"], "keep me");

        var refused = CliHarness.Run("preprocess", folder["in.tif"], "-o", folder["out.tif"], "--fpn", "columns");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(folder["out.tif"]));

        var (code, _, error) = CliHarness.Run("preprocess", folder["in.tif"], "-o", folder["out.tif"], "--fpn", "columns", "--force");
        Assert.True(code == 0, error);
        Assert.Equal(Frames, ReadMovie(folder["out.tif"]).FrameCount);
    }

    /// <summary>
    /// A smooth pattern with column stripes (sCMOS amplifiers), scaled per frame by a laser flicker of ±3 %, with a
    /// dark particle (−40 counts, σ = 1.2 px) at (6.3, 5.7) from frame <see cref="Appears"/> on, plus uniform noise;
    /// integer movies are rounded by the TIFF writer.
    /// </summary>
    private static ImageStack Movie(double noise)
    {
        var random = new RandomStream(11, 5);
        var movie = new ImageStack(Frames, Height, Width, new StackMetadata { PixelSizeNm = 117, FrameIntervalS = 0.002 });
        for (var f = 0; f < Frames; f++)
        {
            var flicker = 1 + (0.03 * Math.Sin(1.3 * f));
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    var value = 1000 + (30 * Math.Sin(0.7 * x)) + (20 * Math.Cos(0.9 * y)) + (15 * (((7 * x) % 5) - 2));
                    if (f >= Appears)
                    {
                        value -= 40 * Math.Exp(-(((x - 6.3) * (x - 6.3)) + ((y - 5.7) * (y - 5.7))) / (2 * 1.2 * 1.2));
                    }

                    movie.At(f, y, x) = (float)((flicker * value) + (noise * ((2 * random.NextDouble()) - 1)));
                }
            }
        }

        return movie;
    }

    /// <summary>Writes the movie and returns it as the file holds it.</summary>
    private static ImageStack WriteMovie(string path, PixelType type, double noise)
    {
        Write(path, Movie(noise), type);
        return ReadMovie(path);
    }

    private static void Write(string path, ImageStack movie, PixelType type)
    {
        using var writer = TiffWriter.Create(path, Width, Height, type, new TiffWriteOptions { Metadata = movie.Metadata });
        movie.WriteTo(writer);
        writer.Complete();
    }

    private static ImageStack ReadMovie(string path)
    {
        using var reader = MovieFile.OpenReader(path);
        return ImageStack.Read(reader);
    }

    private static void AssertSameMovie(ImageStack expected, string path)
    {
        var actual = ReadMovie(path);
        Assert.Equal(expected.FrameCount, actual.FrameCount);
        for (var i = 0; i < expected.Data.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected.Data[i]) == BitConverter.SingleToInt32Bits(actual.Data[i]), $"value {i}: {expected.Data[i]} expected, {actual.Data[i]} written");
        }
    }

    private static float MinOf(ReadOnlySpan<float> values)
    {
        var min = float.PositiveInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
        }

        return min;
    }
}
