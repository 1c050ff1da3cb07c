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
    /// hold the same architecture, or one that differs only in the head of a U-Net or encoder-decoder (its output
    /// channels and activation: a heat-map network started for DECODE maps); then every other tensor carries over,
    /// the channels both heads have keep their weights, the new ones start at the network's random values, and the
    /// record says so (<c>perrin.training.init_head</c>). Any other difference is a <see cref="UserInputException"/>
    /// naming both. Without --init nothing is loaded and nothing is to be recorded.
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
            loaded = ModelStore.Load(path);
        }
        catch (PerrinFormatException e)
        {
            throw new UserInputException($"--init {e.Message}");
        }

        var newHead = HeadOnlyDiffers(loaded.Config, stored);
        if (!newHead && loaded.Config.ToJson() != stored.ToJson())
        {
            throw new UserInputException(
                $"--init {path}: the file holds a model of architecture {loaded.Config.ToJson()}, but {stored.ToJson()} is being trained");
        }

        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var own = model.StateDict();
        foreach (var (name, tensor) in loaded.Model.StateDict())
        {
            var shape = tensor.ShapeArray();
            if (newHead && own.TryGetValue(name, out var target) && !shape.AsSpan().SequenceEqual(target.Shape))
            {
                values[name] = SharedLeadingRows(tensor.ToArray(), shape, target.ToArray(), target.Shape);
                shapes[name] = target.ShapeArray();
                continue;
            }

            values[name] = tensor.ToArray();
            shapes[name] = shape;
        }

        try
        {
            model.LoadStateDict(values, shapes);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new UserInputException($"--init {path}: its weights do not fit the network being trained: {e.Message}");
        }

        var record = new Dictionary<string, string> { ["perrin.training.init"] = Path.GetFileName(path) };
        if (newHead && loaded.Config is ConvDecoderConfig from && stored is ConvDecoderConfig to)
        {
            record["perrin.training.init_head"] = from.OutputChannels == to.OutputChannels
                ? $"the same {to.OutputChannels} output channels, activation {from.OutputActivation} → {to.OutputActivation}"
                : $"new: {to.OutputChannels} output channels from {from.OutputChannels}, the first {Math.Min(from.OutputChannels, to.OutputChannels)} carried over";
        }
        if (loaded.Metadata.Extra.TryGetValue("perrin.training.steps", out var steps))
        {
            record["perrin.training.init_steps"] = steps;
        }

        return record;
    }

    // A U-Net or encoder-decoder whose only change is the head: another number of output channels or another output
    // activation, which is what a new label form needs of an otherwise trained network.
    private static bool HeadOnlyDiffers(ModelConfig found, ModelConfig wanted) =>
        found is ConvDecoderConfig f && wanted is ConvDecoderConfig w && found.GetType() == wanted.GetType()
        && (f.OutputChannels != w.OutputChannels || f.OutputActivation != w.OutputActivation)
        && (f with { OutputChannels = w.OutputChannels, OutputActivation = w.OutputActivation }).ToJson() == wanted.ToJson();

    // The head's weight [out, in, 1, 1] or bias [out] of another output count: the output channels both have come from
    // the file, the rest keep the values the network was built with.
    private static float[] SharedLeadingRows(float[] source, int[] sourceShape, float[] fresh, ReadOnlySpan<int> freshShape)
    {
        if (sourceShape.Length != freshShape.Length || !sourceShape.AsSpan(1).SequenceEqual(freshShape[1..]))
        {
            throw new UserInputException(
                $"--init: a head tensor of shape {string.Join('×', sourceShape)} cannot start one of shape {string.Join('×', freshShape.ToArray())}");
        }

        var row = sourceShape.Length == 1 ? 1 : source.Length / sourceShape[0];
        var rows = Math.Min(sourceShape[0], freshShape[0]);
        source.AsSpan(0, rows * row).CopyTo(fresh);
        return fresh;
    }
}
