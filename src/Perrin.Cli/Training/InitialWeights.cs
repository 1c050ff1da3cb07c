using System.Globalization;
using Perrin.Core.IO;
using Perrin.Nn.Layers;
using Perrin.Nn.Models;
using Perrin.Nn.Serialization;

namespace Perrin.Cli.Training;

/// <summary>
/// `perrin train --init MODEL`: starts training from a trained model's weights instead of random ones (fine-tuning,
/// or a second run with another schedule). Only the weights carry over; the optimizer starts fresh, so a short warm-up
/// keeps Adam's first steps from jolting them.
/// </summary>
internal static class InitialWeights
{
    /// <summary>
    /// Copies the weights of the model file at <paramref name="path"/> into <paramref name="model"/>, which
    /// <paramref name="config"/> (as stored, <paramref name="stored"/>) describes. The file must hold the same
    /// architecture; otherwise a <see cref="UserInputException"/> names both.
    /// </summary>
    public static void Load(string path, Module model, ModelConfig stored)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"--init {path}: no such model file");
        }

        LoadedModel loaded;
        try
        {
            loaded = ModelStore.Load(path, stored);
        }
        catch (PerrinFormatException e)
        {
            throw new UserInputException($"--init {e.Message}");
        }

        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (name, tensor) in loaded.Model.StateDict())
        {
            values[name] = tensor.ToArray();
            shapes[name] = tensor.ShapeArray();
        }

        try
        {
            model.LoadStateDict(values, shapes);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"--init {path}: its weights do not fit the network being trained: {e.Message}");
        }
    }

    /// <summary>What the trained model records of where it started: the file's name and the steps it had been trained.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Describe(string path)
    {
        var metadata = ModelFile.ReadMetadata(path);
        yield return new("perrin.training.init", Path.GetFileName(path));
        if (metadata.Extra.TryGetValue("perrin.training.steps", out var steps))
        {
            yield return new("perrin.training.init_steps", steps.ToString(CultureInfo.InvariantCulture));
        }
    }
}
