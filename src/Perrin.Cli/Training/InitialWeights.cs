using Perrin.Core.IO;
using Perrin.Nn.Layers;
using Perrin.Nn.Models;

namespace Perrin.Cli.Training;

/// <summary>
/// `perrin train --init MODEL`: starts training from a trained model's weights instead of random ones (fine-tuning,
/// or a second run with another schedule). Only the weights carry over; the optimizer starts fresh, so a short warm-up
/// keeps Adam's first steps from jolting them.
/// </summary>
internal static class InitialWeights
{
    /// <summary>
    /// For `--init` (and not `--resume`, whose checkpoint wins): copies the weights of the model file the request
    /// names into <paramref name="model"/>, which <paramref name="stored"/> describes as it is saved, and returns what
    /// the trained model should record of where it started (the file's name and its training steps). The file must
    /// hold the same architecture; otherwise a <see cref="UserInputException"/> names both. Without --init nothing
    /// is loaded and nothing is to be recorded.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Start(TrainRequest request, Module model, ModelConfig stored)
    {
        if (request.Init is not { } path || request.Resume)
        {
            return new Dictionary<string, string>();
        }

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

        var record = new Dictionary<string, string> { ["perrin.training.init"] = Path.GetFileName(path) };
        if (loaded.Metadata.Extra.TryGetValue("perrin.training.steps", out var steps))
        {
            record["perrin.training.init_steps"] = steps;
        }

        return record;
    }
}
