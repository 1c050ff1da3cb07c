using System.Text.Json;
using Perrin.Analysis.Detection;
using Perrin.Cli.Decode;
using Perrin.Cli.Localize;
using Perrin.Cli.Training;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Randomness;
using Perrin.Core.Tables;
using Perrin.Nn.Models;

namespace Perrin.Cli.Tests.Commands;

public sealed class LocalizeCommandTests
{
    private const double Px = 100;

    /// <summary>
    /// The tiled path with a known network (a 3×3 box sum with zero padding, reach 1 pixel): stitched from tiles of
    /// 16 with overlap 4, and from one padded tile for a frame smaller than a tile, the maps equal the filter applied
    /// to the whole standardized frame bit for bit, whatever the batch; decoded, symmetric spots centred on pixels
    /// (on tile seams too) come out at exactly ((col + ½)·px, (row + ½)·px).
    /// </summary>
    [Theory]
    [InlineData(70, 100, 16, 4, 3)]
    [InlineData(12, 20, 32, 8, 1)]
    public void TiledInferenceEqualsTheWholeFrameFilterAndFindsTheSpots(int height, int width, int tile, int overlap, int batch)
    {
        var spots = height > tile
            ? new[] { (Column: 12, Row: 6), (Column: 13, Row: 30), (Column: 50, Row: 13), (Column: 90, Row: 60), (Column: 3, Row: 64) }
            : [(Column: 4, Row: 3), (Column: 15, Row: 8)];
        var frame = SpotFrame(height, width, spots);
        var standardized = (float[])frame.Clone();
        SimulationDataSource.Standardize(standardized);
        var expected = BoxSum(standardized, height, width);

        var inference = new TiledInference(height, width, tile, overlap, batch, 1, 1, (tiles, count, outputs) =>
        {
            for (var i = 0; i < count; i++)
            {
                BoxSum(tiles.Slice(i * tile * tile, tile * tile).ToArray(), tile, tile).CopyTo(outputs.Slice(i * tile * tile, tile * tile));
            }
        });
        var frames = new[] { (float[])frame.Clone(), (float[])frame.Clone() };
        var maps = new[] { new float[inference.MapLength], new float[inference.MapLength] };
        inference.Run(frames, maps, 2);

        Assert.Equal(expected, maps[0]);
        Assert.Equal(expected, maps[1]);
        var decoder = MapDecoder.Heatmap(new HeatmapDecoderOptions { Threshold = 1f }, Px);
        var found = decoder.Decode(maps[1], 1, height, width).OrderBy(l => l.Y).ThenBy(l => l.X).ToList();
        var truth = spots.Select(s => ((s.Column + 0.5) * Px, (s.Row + 0.5) * Px)).OrderBy(p => p.Item2).ThenBy(p => p.Item1).ToList();
        Assert.Equal(truth.Count, found.Count);
        for (var i = 0; i < truth.Count; i++)
        {
            Assert.Equal(1, found[i].Frame);
            Assert.Equal(truth[i].Item1, found[i].X, 1e-3);
            Assert.Equal(truth[i].Item2, found[i].Y, 1e-3);
        }
    }

    [Theory]
    [InlineData(256, 16, 40, 40, 48)]
    [InlineData(256, 16, 300, 20, 256)]
    [InlineData(64, 8, 7, 3, 8)]
    public void AFrameSmallerThanATileRunsOnTheSmallestTileThatHoldsIt(int tile, int multiple, int height, int width, int expected) =>
        Assert.Equal(expected, LocalizeRun.FittedTile(tile, multiple, height, width));

    /// <summary>
    /// A real round trip: a [8, 16] U-Net trained for 40 steps of 8 images (32×32, 3 emitters of 2000 photons on 10
    /// background photons, heat-map label σ 1 px; about 4 s on 2 cores) localizes held-out frames: measured Jaccard
    /// 94–98 % and RMSE 22–36 nm for training seeds 1, 2, 3 and 5, on 32×32 frames and on 96×80 frames of 20 emitters cut into
    /// 20 tiles of 32 px. An untrained network or a misplaced tile fails the bounds.
    /// </summary>
    [Fact]
    public void ATrainedNetworkLocalizesHeldOutFramesAndTheOutputDoesNotDependOnThreads()
    {
        using var folder = new TempFolder();
        var recipe = Recipe(folder, 32, 32, 3);
        var (code, _, error) = CliHarness.Run("train", recipe, "-o", folder["m.safetensors"], "--levels", "8,16", "--epochs", "2", "--steps", "20",
            "--batch", "8", "--threads", "2", "--lr", "3e-3");
        Assert.True(code == 0, error);

        Simulate(folder, Recipe(folder, 32, 32, 3, "small.yaml"), "small", 30);
        Simulate(folder, Recipe(folder, 96, 80, 20, "big.yaml"), "big", 10);
        Localize(folder, "small", "--threads", "1");
        var small = Evaluate(folder, "small");
        Localize(folder, "big", "--tile", "32", "--overlap", "16", "--batch", "3", "--threads", "1");
        var big = Evaluate(folder, "big");

        Assert.InRange(small.GetProperty("jaccard_percent").GetDouble(), 85, 100);
        Assert.InRange(small.GetProperty("rmse_lateral_nm").GetDouble(), 0, 50);
        Assert.InRange(big.GetProperty("jaccard_percent").GetDouble(), 85, 100);
        Assert.InRange(big.GetProperty("rmse_lateral_nm").GetDouble(), 0, 50);

        var once = File.ReadAllBytes(folder["big.csv"]);
        Localize(folder, "big", "--tile", "32", "--overlap", "16", "--batch", "5", "--threads", "2", "--force");
        Assert.Equal(once, File.ReadAllBytes(folder["big.csv"]));
    }

    [Fact]
    public void BadModelsMoviesAndOptionsAreRefusedByName()
    {
        using var folder = new TempFolder();
        var movie = folder["movie.tif"];
        Movies.Write(movie, 2, 16, 16, PixelType.UInt16, new TiffWriteOptions { Metadata = new StackMetadata { PixelSizeNm = Px } });
        var model = folder["m.safetensors"];
        ModelStore.Save(model, ModelFactory.Create(new UNetConfig { Levels = [4, 4], Bottleneck = 8 }, new RandomStream(1, 0)), new UNetConfig { Levels = [4, 4], Bottleneck = 8 },
            SimulationDataSource.Normalization, File.ReadAllText(Recipe(folder, 16, 16, 1)));

        Refused(["localize", folder["none.safetensors"], movie, "-o", folder["a.csv"]], "no such model file");
        File.WriteAllBytes(folder["bad.safetensors"], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        Refused(["localize", folder["bad.safetensors"], movie, "-o", folder["a.csv"]], "bad.safetensors");
        var cnn = new CnnConfig();
        ModelStore.Save(folder["cnn.safetensors"], ModelFactory.Create(cnn, new RandomStream(1, 0)), cnn);
        Refused(["localize", folder["cnn.safetensors"], movie, "-o", folder["a.csv"]], "input normalization");
        var cells = folder["cells.safetensors"];
        var unet = new UNetConfig { Levels = [4], Bottleneck = 8 };
        ModelStore.Save(cells, ModelFactory.Create(unet, new RandomStream(1, 0)), unet, SimulationDataSource.Normalization, File.ReadAllText(CellRecipe(folder)));
        Refused(["localize", cells, movie, "-o", folder["a.csv"]], "a mask of cells");

        Refused(["localize", model, folder["nothing.tif"], "-o", folder["a.csv"]], "nothing.tif");
        File.WriteAllText(folder["text.tif"], "not a movie");
        Refused(["localize", model, folder["text.tif"], "-o", folder["a.csv"]], "text.tif");
        Refused(["localize", model, movie, "-o", folder["a.csv"], "--tile", "18", "--overlap", "4"], "multiples of 4");
        Refused(["localize", model, movie, "-o", folder["a.csv"], "--tile", "16", "--overlap", "16"], "--overlap");
        Refused(["localize", model, movie, "-o", folder["a.csv"], "--tile", "0"], "--tile");
        Refused(["localize", model, movie, "-o", folder["a.csv"], "--batch", "0"], "--batch");
        Refused(["localize", model, movie, "-o", folder["a.csv"], "--dra", "2"], "too few");
        Assert.False(File.Exists(folder["a.csv"]));

        var (code, _, error) = CliHarness.Run("localize", model, movie, "-o", folder["a.csv"], "--pixel-size", "160");
        Assert.True(code == 0, error);
        Assert.Contains("trained at 100 nm", error, StringComparison.Ordinal);
        Refused(["localize", model, movie, "-o", folder["a.csv"]], "--force");
    }

    [Fact]
    public void BenchLocalizeReportsTheNetworkNextToTheClassicalMethods()
    {
        var (code, output, error) = CliHarness.Run("bench", "localize", "--frames", "2", "--threads", "2", "--json");
        Assert.True(code == 0, error);
        var methods = JsonDocument.Parse(output).RootElement.GetProperty("methods").EnumerateArray().ToList();
        Assert.Equal(["network (unet-bench)", "network (unet-bench)", .. LocateCommandNames(), "network (iscat-dense)", "network+ipsf (iscat-dense)"],
            methods.Select(m => m.GetProperty("method").GetString()));
        Assert.All(methods, m => Assert.True(m.GetProperty("frames_per_s").GetDouble() > 0));
        Assert.Equal(0, methods[0].GetProperty("localizations_per_frame").GetDouble());

        // The trained network finds the demo movie's particles (about 35 a frame), and the refinement keeps every row;
        // its frames/s include the network's time.
        var (iscat, refined) = (methods[^2], methods[^1]);
        Assert.InRange(iscat.GetProperty("localizations_per_frame").GetDouble(), 10, 60);
        Assert.True(refined.GetProperty("localizations_per_frame").GetDouble() >= iscat.GetProperty("localizations_per_frame").GetDouble());
        Assert.True(refined.GetProperty("frames_per_s").GetDouble() < iscat.GetProperty("frames_per_s").GetDouble());
    }

    private static IEnumerable<string> LocateCommandNames() => Perrin.Cli.Commands.LocateCommand.MethodNames;

    private static void Refused(string[] args, string expected)
    {
        var (code, _, error) = CliHarness.Run(args);
        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private static string Recipe(TempFolder folder, int width, int height, int count, string name = "spots.yaml")
    {
        var path = folder[name];
        File.WriteAllText(path, $$"""
            image: { width: {{width}}, height: {{height}} }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: point_emitter, count: {{count}}, x: { uniform: [1, {{width - 2}}] }, y: { uniform: [1, {{height - 2}}] }, z: 0, photons: 2000 }
            camera: { preset: ideal, background_photons: 10 }
            labels: { form: heatmap, sigma_px: 1 }
            seed: 5
            """);
        return path;
    }

    private static string CellRecipe(TempFolder folder)
    {
        var path = folder["cells.yaml"];
        File.WriteAllText(path, """
            image: { width: 16, height: 16 }
            optics: { modality: fluorescence, na: 1.2, wavelength_nm: 600, medium_index: 1.33, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: cell, count: 1, x: 8, y: 8, z: 0, photons: 5000 }
            camera: { preset: ideal }
            labels: { form: mask }
            seed: 2
            """);
        return path;
    }

    private static void Simulate(TempFolder folder, string recipe, string name, int frames)
    {
        var (code, _, error) = CliHarness.Run("simulate", recipe, "-n", frames.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "99",
            "-o", folder[$"{name}.tif"], "--truth", folder[$"{name}-truth.csv"], "--threads", "2");
        Assert.True(code == 0, error);
    }

    private static void Localize(TempFolder folder, string name, params string[] options)
    {
        var (code, _, error) = CliHarness.Run(["localize", folder["m.safetensors"], folder[$"{name}.tif"], "-o", folder[$"{name}.csv"], .. options]);
        Assert.True(code == 0, error);
    }

    private static JsonElement Evaluate(TempFolder folder, string name)
    {
        var (code, output, error) = CliHarness.Run("evaluate", folder[$"{name}.csv"], folder[$"{name}-truth.csv"], "--json");
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("overall").Clone();
    }

    /// <summary>Symmetric 3×3 blobs (peak 10, sides 4, corners 2) on a zero background, centred on the given pixels.</summary>
    private static float[] SpotFrame(int height, int width, IEnumerable<(int Column, int Row)> spots)
    {
        var frame = new float[height * width];
        foreach (var (column, row) in spots)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                for (var dx = -1; dx <= 1; dx++)
                {
                    frame[((row + dy) * width) + column + dx] += dx == 0 && dy == 0 ? 10f : (dx == 0 || dy == 0 ? 4f : 2f);
                }
            }
        }

        return frame;
    }

    /// <summary>The 3×3 box sum with zero padding, summed in a fixed order.</summary>
    private static float[] BoxSum(float[] image, int height, int width)
    {
        var result = new float[image.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var sum = 0f;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var (yy, xx) = (y + dy, x + dx);
                        if (yy >= 0 && yy < height && xx >= 0 && xx < width)
                        {
                            sum += image[(yy * width) + xx];
                        }
                    }
                }

                result[(y * width) + x] = sum;
            }
        }

        return result;
    }
}
