using System.Globalization;
using Perrin.Core.Randomness;
using Perrin.Nn.Losses;
using Perrin.Nn.Models;
using Perrin.Nn.Tensors;
using Perrin.Nn.Training;

namespace Perrin.Cli.Training;

/// <summary>
/// How `perrin train` trains on DECODE maps (labels.form: decode): the network's head gives logits of p and raw
/// regressions, trained with <see cref="Loss.Decode"/>; each regression channel is weighed by the inverse variance
/// of its target over emitter pixels, measured on simulated batches, so offsets, photons and z pull with comparable
/// strength whatever their units. The stored network applies the sigmoid to p
/// (<see cref="ActivationKind.SigmoidFirstChannel"/>), so its outputs are the maps the DECODE decoder reads.
/// </summary>
internal sealed class DecodeTraining
{
    public const string LossName = "decode";

    /// <summary>Batches (of <see cref="CalibrationBatchSize"/> images) whose emitter pixels set the channel weights.</summary>
    public const int CalibrationBatches = 4;

    public const int CalibrationBatchSize = 8;

    // A channel that hardly varies (z of a 2D recipe) is still pulled to its value, at the weight of a unit variance.
    private const double MinVariance = 1e-6;

    // The weights' own stream, apart from the training and validation batches.
    private const ulong CalibrationPurpose = 0x6465636f646577UL;

    private DecodeTraining(float[] weights) => Weights = weights;

    /// <summary>The weights of channels 1 … C−1 (dx, dy, then photons and z as the label has them).</summary>
    public float[] Weights { get; }

    public static DecodeTraining Create(string requestedLoss, IDataSource source, int channels, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (requestedLoss is not ("auto" or LossName))
        {
            throw new UserInputException($"--loss {requestedLoss}: a decode label trains with the DECODE loss; give --loss auto or decode");
        }

        return new DecodeTraining(MeasureWeights(source, channels, new RandomStream(seed, 0, CalibrationPurpose)));
    }

    /// <summary>1 / variance of each regression channel's target over the pixels that hold an emitter.</summary>
    public static float[] MeasureWeights(IDataSource source, int channels, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rng);
        var sum = new double[channels];
        var sumSq = new double[channels];
        long count = 0;
        for (var b = 0; b < CalibrationBatches; b++)
        {
            using var batch = source.CreateBatch(CalibrationBatchSize, rng);
            var t = batch.Target.Span;
            var plane = batch.Target.Shape[2] * batch.Target.Shape[3];
            for (var s = 0; s < batch.Size; s++)
            {
                var start = s * channels * plane;
                for (var q = 0; q < plane; q++)
                {
                    if (t[start + q] != 1f) continue;
                    count++;
                    for (var c = 1; c < channels; c++)
                    {
                        double v = t[start + (c * plane) + q];
                        sum[c] += v;
                        sumSq[c] += v * v;
                    }
                }
            }
        }

        var weights = new float[channels - 1];
        for (var c = 1; c < channels; c++)
        {
            var variance = count == 0 ? 1 : Math.Max(0, (sumSq[c] / count) - Math.Pow(sum[c] / count, 2));
            weights[c - 1] = variance < MinVariance ? 1f : (float)(1 / variance);
        }

        return weights;
    }

    public Tensor Loss(Tensor output, Tensor target) => Perrin.Nn.Losses.Loss.Decode(output, target, Weights);

    /// <summary>The network trained: the configuration with a linear head, whatever activation it named.</summary>
    public static UNetConfig Trained(UNetConfig config) => config with { OutputActivation = ActivationKind.None };

    /// <summary>The network stored: the same weights, with the sigmoid on p.</summary>
    public static UNetConfig Stored(UNetConfig config) => config with { OutputActivation = ActivationKind.SigmoidFirstChannel };

    /// <summary>Model-file metadata entries that record the channel weights.</summary>
    public void Describe(IDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        metadata["perrin.training.decode_channel_weights"] = string.Join(",", Weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture)));
    }
}
