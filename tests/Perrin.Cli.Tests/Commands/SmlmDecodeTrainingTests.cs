using System.Globalization;
using Perrin.Analysis.Detection;
using Perrin.Cli.Decode;
using Perrin.Cli.Localize;
using Perrin.Cli.Training;
using Perrin.Core.IO;
using Perrin.Core.Tables;
using Perrin.Nn.Models;

namespace Perrin.Cli.Tests.Commands;

/// <summary>
/// `perrin train` on DECODE maps and `perrin localize` with the result: a tiny network trained for a few steps is
/// stored with the sigmoid on p, and localize decodes exactly the maps the stored network gives.
/// </summary>
public sealed class SmlmDecodeTrainingTests
{
    private static string Recipe(TempFolder folder)
    {
        var path = folder["smlm.yaml"];
        File.WriteAllText(path, """
            image: { width: 16, height: 16 }
            optics: { modality: fluorescence, na: 1.4, wavelength_nm: 680, medium_index: 1.518, pixel_size_nm: 100, psf: { model: gaussian } }
            sample:
              - { feature: point_emitter, count: { integer_uniform: [1, 4] }, x: { uniform: [1, 14] }, y: { uniform: [1, 14] }, photons: { log_uniform: [1000, 5000] } }
            camera: { preset: smlm-challenge-emccd, background_photons: 30 }
            labels: { form: decode }
            seed: 3
            """);
        return path;
    }

    [Fact]
    public void TrainsADecodeNetworkWhoseStoredMapsLocalizeDirectly()
    {
        using var folder = new TempFolder();
        var recipe = Recipe(folder);
        var (code, _, error) = CliHarness.Run("train", recipe, "-o", folder["m.safetensors"], "--levels", "4,8", "--epochs", "1", "--steps", "3",
            "--batch", "2", "--threads", "1", "--validation-batches", "1");
        Assert.True(code == 0, error);

        var loaded = ModelStore.Load(folder["m.safetensors"]);
        var config = Assert.IsType<UNetConfig>(loaded.Config);
        Assert.Equal(ActivationKind.SigmoidFirstChannel, config.OutputActivation);
        Assert.Equal(5, config.OutputChannels);
        Assert.Equal("decode", loaded.Metadata.Extra["perrin.training.loss"]);
        var weights = loaded.Metadata.Extra["perrin.training.decode_channel_weights"].Split(',').Select(w => double.Parse(w, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4, weights.Length);
        Assert.InRange(weights[0], 6, 24);
        Assert.InRange(weights[1], 6, 24);

        Assert.Equal(0, CliHarness.Run("simulate", recipe, "-n", "2", "-o", folder["movie.tif"], "--seed", "11").ExitCode);
        var maps = NetworkMaps(folder["m.safetensors"], folder["movie.tif"], frame: 1);
        var p = maps.AsSpan(0, 256).ToArray();
        Assert.All(p, v => Assert.InRange(v, 0f, 1f));
        Assert.Contains(maps.AsSpan(256).ToArray(), v => v is < 0f or > 1f);

        // A threshold just under the largest p of frame 2 makes sure something is found.
        var threshold = p.Max() * 0.95f;
        var expected = MapDecoder.Decode(new DecodeOptions { RawThreshold = threshold, PhotonScale = 1000, ZScaleNm = 1000 }, 5, 100).Decode(maps, 1, 16, 16);
        Assert.NotEmpty(expected);
        (code, _, error) = CliHarness.Run("localize", folder["m.safetensors"], folder["movie.tif"], "-o", folder["locs.csv"], "--threads", "1",
            "--threshold", threshold.ToString("R", CultureInfo.InvariantCulture));
        Assert.True(code == 0, error);
        var found = LocalizationTableIO.Read(folder["locs.csv"]).Rows.Where(l => l.Frame == 1).ToList();
        Assert.Equal(expected.Count, found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            Assert.Equal(expected[i].X, found[i].X, 1e-3);
            Assert.Equal(expected[i].Y, found[i].Y, 1e-3);
            Assert.Equal(expected[i].Intensity, found[i].Intensity, 1e-2);
        }

        // The same weights stored with a linear head give logits for p, which the decoder must not take for probabilities.
        ModelStore.Save(folder["logits.safetensors"], loaded.Model, config with { OutputActivation = ActivationKind.None }, loaded.Metadata.Normalization, loaded.Metadata.Recipe);
        (code, _, error) = CliHarness.Run("localize", folder["logits.safetensors"], folder["movie.tif"], "-o", folder["bad.csv"], "--threads", "1");
        Assert.Equal(1, code);
        Assert.Contains("outputActivation sigmoidFirstChannel", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesALossOtherThanDecodeForDecodeLabels()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliHarness.Run("train", Recipe(folder), "-o", folder["m.safetensors"], "--levels", "4", "--epochs", "1", "--steps", "1",
            "--batch", "1", "--threads", "1", "--loss", "mse");
        Assert.Equal(1, code);
        Assert.Contains("--loss mse: a decode label trains with the DECODE loss", error, StringComparison.Ordinal);
    }

    /// <summary>The stored network's maps of one movie frame, standardized as localize does, in one 16-pixel tile.</summary>
    private static float[] NetworkMaps(string modelPath, string moviePath, int frame)
    {
        var model = LocalizeModel.Load(modelPath);
        using var reader = MovieFile.OpenReader(moviePath);
        var pixels = new float[reader.Width * reader.Height];
        reader.ReadFrame(frame, pixels);
        SimulationDataSource.Standardize(pixels);
        var maps = new float[model.Channels * pixels.Length];
        model.AsBatchNetwork(16)(pixels, 1, maps);
        return maps;
    }
}
