using System.Globalization;
using System.Text.Json;
using Perrin.Cli.Bench;
using Perrin.Cli.Localize;
using Perrin.Cli.Training;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Tiff;
using Perrin.Core.Maths;
using Perrin.Core.Randomness;
using Perrin.Core.Tables;
using Perrin.Nn.Models;
using Perrin.Simulation.Properties;
using Perrin.Simulation.Recipes;
using Perrin.Simulation.Rendering;

namespace Perrin.Cli.Tests.Commands;

/// <summary>The single-particle application: its recipe's SNR, the position target, training, localize and bench.</summary>
public sealed class SingleParticleTests
{
    private static string ShippedModel => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(ExampleRecipes.PathOf("x")))!)!,
        "models", "single-particle", "model.safetensors");

    private static Recipe Fixed(Recipe recipe, params (string Key, double Value)[] values)
    {
        var feature = recipe.Sample[0];
        var properties = feature.Properties;
        var camera = recipe.Camera!.Properties;
        foreach (var (key, value) in values)
        {
            var spec = new ConstantSpec(PropertyValue.Of(value));
            if (key.StartsWith("camera.", StringComparison.Ordinal))
            {
                camera = camera.With(key["camera.".Length..], spec);
            }
            else
            {
                properties = properties.With(key, spec);
            }
        }

        return recipe with { Sample = new ValueList<RecipeFeature>([feature with { Properties = properties }]), Camera = recipe.Camera with { Properties = camera } };
    }

    [Fact]
    public void RecipePhotonsFollowTheSnrDefinitionInEverySample()
    {
        var simulator = ImageSimulator.Create(RecipeReader.ReadFile(ExampleRecipes.PathOf("single-particle.yaml")));
        for (var k = 0UL; k < 50; k++)
        {
            var sample = simulator.Properties(k);
            var particle = sample.Group("sample[0]");
            var s = particle.Number(0, "sigma_nm") / sample.Number("optics.pixel_size_nm");
            var noise = Math.Sqrt(sample.Number("camera.background_photons") + Math.Pow(sample.Number("camera.read_noise_e"), 2));
            var peak = particle.Number(0, "photons") * Math.Pow(ErrorFunction.Erf(1 / (2 * Math.Sqrt(2) * s)), 2);
            Assert.Equal(particle.Number(0, "snr"), peak / noise, 9);
            Assert.InRange(particle.Number(0, "snr"), 2, 30);
            Assert.InRange(Math.Abs(particle.Number(0, "x") - 31.5), 0, 6);
        }
    }

    [Fact]
    public void SimulatedFramesHaveTheSnrTheRecipeDraws()
    {
        // A particle on a pixel centre at SNR 5: the mean of its pixel above the background, over the background's
        // standard deviation measured in the same frames, is 5 (to the precision of 1600 frames, about 0.6 %).
        var recipe = Fixed(RecipeReader.ReadFile(ExampleRecipes.PathOf("single-particle.yaml")),
            ("x", 31), ("y", 30), ("snr", 5), ("sigma_nm", 130), ("camera.background_photons", 100), ("camera.read_noise_e", 2));
        var simulator = ImageSimulator.Create(recipe);
        var frame = new float[64 * 64];
        double peak = 0, background = 0, backgroundSq = 0;
        long count = 0;
        const int frames = 1600;
        for (var k = 0UL; k < frames; k++)
        {
            simulator.Render(k, frame, []);
            peak += frame[(30 * 64) + 31];
            for (var row = 0; row < 10; row++)
            {
                foreach (var v in frame.AsSpan(row * 64, 64))
                {
                    (background, backgroundSq, count) = (background + v, backgroundSq + ((double)v * v), count + 1);
                }
            }
        }

        var mean = background / count;
        var sd = Math.Sqrt((backgroundSq / count) - (mean * mean));
        Assert.Equal(100 + 100, mean, 0.2);
        Assert.Equal(Math.Sqrt(104 + (1.0 / 12)), sd, 0.1);
        Assert.Equal(5, ((peak / frames) - mean) / Math.Sqrt(104), 0.1);
    }

    [Fact]
    public void PositionTargetIsTheOffsetFromTheCentreInEighthsOfTheFrame()
    {
        var target = PositionTarget.For(64, 48);
        Assert.Equal(new PositionTarget(31.5, 23.5, 8), target);
        Assert.Equal((0.5f, -0.25f), target.Encode(35.5, 21.5));
        Assert.Equal((35.5, 21.5), target.Decode(0.5f, -0.25f));
        var metadata = new Dictionary<string, string>(target.Metadata());
        Assert.Equal("8", metadata[PositionTarget.ScaleKey]);
        Assert.Equal(target, PositionTarget.FromMetadata("m", metadata));
        metadata[PositionTarget.ScaleKey] = "0";
        Assert.Contains(PositionTarget.ScaleKey, Assert.Throws<UserInputException>(() => PositionTarget.FromMetadata("m", metadata)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BatchesHoldStandardizedFramesAndTheirParticlesEncodedPositions()
    {
        var simulator = ImageSimulator.Create(RecipeReader.ReadFile(ExampleRecipes.PathOf("single-particle.yaml")));
        var source = new RegressorDataSource(simulator);
        using var batch = source.CreateBatch(3, new RandomStream(5, 2));
        Assert.Equal([3, 1, 64, 64], batch.Input.Shape);
        Assert.Equal([3, 2], batch.Target.Shape);
        var indices = new RandomStream(5, 2);
        var frame = new float[64 * 64];
        for (var i = 0; i < 3; i++)
        {
            var truth = simulator.Render(indices.NextUInt64() >> 1, frame, []);
            SimulationDataSource.Standardize(frame);
            Assert.Equal(frame, batch.Input.Span.Slice(i * frame.Length, frame.Length).ToArray());
            Assert.Equal((float)((truth[0].X - 31.5) / 8), batch.Target.Span[2 * i]);
            Assert.Equal((float)((truth[0].Y - 31.5) / 8), batch.Target.Span[(2 * i) + 1]);
        }
    }

    [Fact]
    public void TrainingAPositionsRecipeWritesALoadableRegressor()
    {
        using var folder = new TempFolder();
        var recipe = folder["one.yaml"];
        File.WriteAllText(recipe, """
            image: { width: 16, height: 16 }
            optics: { modality: fluorescence, na: 1.2, wavelength_nm: 600, medium_index: 1.33, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: point_emitter, count: 1, x: { uniform: [5, 10] }, y: { uniform: [5, 10] }, photons: 2000 }
            camera: { preset: ideal, background_photons: 10 }
            labels: { form: positions }
            seed: 3
            """);
        var (code, _, error) = CliHarness.Run("train", recipe, "-o", folder["m.safetensors"], "--levels", "4,8", "--epochs", "1", "--steps", "3",
            "--batch", "4", "--threads", "1", "--validation-batches", "1");
        Assert.True(code == 0, error);
        Assert.Contains("position regressor", error, StringComparison.Ordinal);
        var loaded = ModelStore.Load(folder["m.safetensors"]);
        var config = Assert.IsType<CnnConfig>(loaded.Config);
        Assert.Equal((1, 16, 16, 2), (config.InputChannels, config.InputHeight, config.InputWidth, config.Outputs));
        Assert.Equal([4, 8], config.ConvChannels);
        Assert.Equal("2", loaded.Metadata.Extra[PositionTarget.ScaleKey]);
        Assert.Equal("7.5", loaded.Metadata.Extra[PositionTarget.CentreXKey]);
        Assert.Equal(new PositionTarget(7.5, 7.5, 2), RegressorModel.Load(folder["m.safetensors"]).Target);
        Assert.Equal(2, File.ReadAllLines(folder["m.metrics.csv"]).Length);

        (code, _, error) = CliHarness.Run("train", recipe, "-o", folder["m.safetensors"], "--loss", "bce", "--epochs", "1", "--steps", "1");
        Assert.Equal(1, code);
        Assert.Contains("--loss bce", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalizeWithTheShippedModelFindsAnEasyParticleInEveryFrame()
    {
        using var folder = new TempFolder();
        var model = RegressorModel.Load(ShippedModel);
        var simulator = ImageSimulator.Create(SingleParticleBenchmark.AtSnr(model, 30, 91));
        const int frames = 5;
        var data = new float[frames * 64 * 64];
        var truth = new (double X, double Y)[frames];
        for (var k = 0; k < frames; k++)
        {
            var particle = simulator.Render((ulong)k, data.AsSpan(k * 64 * 64, 64 * 64), [])[0];
            truth[k] = (particle.X, particle.Y);
        }

        var movie = folder["sp.tif"];
        using (var writer = TiffWriter.Create(movie, 64, 64, PixelType.Float32, new TiffWriteOptions { Metadata = new StackMetadata { PixelSizeNm = 100 } }))
        {
            new ImageStack(frames, 64, 64, data).WriteTo(writer);
            writer.Complete();
        }

        var (code, _, error) = CliHarness.Run("localize", ShippedModel, movie, "-o", folder["locs.csv"], "--threads", "1");
        Assert.True(code == 0, error);
        var rows = ThunderStormCsv.Read(new StringReader(File.ReadAllText(folder["locs.csv"]))).Rows;
        Assert.Equal(frames, rows.Count);
        for (var k = 0; k < frames; k++)
        {
            Assert.Equal(k, rows[k].Frame);
            var error2 = Math.Pow(PixelCoordinates.ToPixels(rows[k].X, 100) - truth[k].X, 2) + Math.Pow(PixelCoordinates.ToPixels(rows[k].Y, 100) - truth[k].Y, 2);
            Assert.True(error2 < 0.5 * 0.5, string.Create(CultureInfo.InvariantCulture, $"frame {k}: {rows[k].X} nm, {rows[k].Y} nm against ({truth[k].X}, {truth[k].Y}) px"));
        }

        var small = folder["small.tif"];
        Movies.Write(small, 2, 32, 32, PixelType.UInt16);
        (code, _, error) = CliHarness.Run("localize", ShippedModel, small, "-o", folder["small.csv"]);
        Assert.Equal(1, code);
        Assert.Contains("32×32", error, StringComparison.Ordinal);
        Assert.Contains("64×64", error, StringComparison.Ordinal);
        (code, _, error) = CliHarness.Run("localize", ShippedModel, movie, "-o", folder["t.csv"], "--threshold", "0.5");
        Assert.Equal(1, code);
        Assert.Contains("--threshold", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchComparesBothMethodsOnAFewFramesAndDrawsThePlot()
    {
        using var folder = new TempFolder();
        var (code, output, error) = CliHarness.Run("bench", "single-particle", ShippedModel, "--snr", "3,20", "--frames", "6", "--threads", "1",
            "--plot", folder["rmse.svg"], "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var cases = json.RootElement.GetProperty("cases");
        Assert.Equal(2, cases.GetArrayLength());
        Assert.Equal(20, cases[1].GetProperty("snr").GetDouble());
        Assert.Equal(6, cases[1].GetProperty("frames").GetInt32());
        Assert.InRange(cases[1].GetProperty("cnn_rmse_nm").GetDouble(), 0.1, 60);
        Assert.InRange(cases[1].GetProperty("radial_rmse_nm").GetDouble(), 0.1, 60);
        var svg = File.ReadAllText(folder["rmse.svg"]);
        Assert.Contains("CNN regressor", svg, StringComparison.Ordinal);
        Assert.Contains("radial symmetry", svg, StringComparison.Ordinal);

        (code, _, error) = CliHarness.Run("bench", "single-particle", ShippedModel, "--seed", "17", "--frames", "1", "--plot", folder["x.svg"]);
        Assert.Equal(1, code);
        Assert.Contains("--seed 17", error, StringComparison.Ordinal);
    }
}
