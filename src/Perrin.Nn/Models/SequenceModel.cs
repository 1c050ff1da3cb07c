using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Models;

/// <summary>
/// A trajectory classifier or regressor over (N, T, features): "conv" (1-D convolutions + ReLU over time, as a
/// torch Sequential), "rnn" (LSTM or GRU, batch first) and "head" (dense layers). The sequence is summarized by the
/// recurrent layer's last output, or by the mean over time of the convolution features when there is no
/// recurrent layer. The outputs are logits for classification and plain values for regression.
/// </summary>
public sealed class SequenceModel : Module
{
    /// <summary>A sequence model initialized from <paramref name="rng"/>.</summary>
    public SequenceModel(SequenceModelConfig config, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rng);
        config.Validate();
        Config = config;
        var features = config.InputFeatures;
        if (config.ConvChannels.Length > 0)
        {
            Conv = RegisterModule("conv", new Chain());
            foreach (var c in config.ConvChannels)
            {
                Conv.Add(new Conv1d(features, c, config.ConvKernel, rng, padding: config.ConvKernel / 2));
                Conv.Add(new ReLU());
                features = c;
            }
        }
        if (config.Recurrent != RecurrentKind.None)
        {
            Rnn = RegisterModule<RecurrentModule>("rnn", config.Recurrent == RecurrentKind.Lstm
                ? new LSTM(features, config.HiddenSize, rng, config.RecurrentLayers)
                : new GRU(features, config.HiddenSize, rng, config.RecurrentLayers));
            features = config.HiddenSize;
        }
        Head = RegisterModule("head", new Chain());
        var f = LayerFactory.AddDense(Head, features, config.DenseSizes, ActivationKind.Relu, 0f, rng);
        Head.Add(new Linear(f, config.Outputs, rng));
    }

    /// <summary>The architecture.</summary>
    public SequenceModelConfig Config { get; }

    /// <summary>The 1-D convolutions, or null.</summary>
    public Chain? Conv { get; }

    /// <summary>The recurrent encoder, or null.</summary>
    public RecurrentModule? Rnn { get; }

    /// <summary>The dense layers.</summary>
    public Chain Head { get; }

    /// <summary>Outputs (N, outputs) for sequences (N, T, features).</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 3 || input.Shape[2] != Config.InputFeatures || input.Shape[1] < 1)
            throw new ArgumentException($"SequenceModel: input of shape {ShapeText.Format(input.Shape)}, expected [N, T ≥ 1, {Config.InputFeatures}].");
        var x = input;
        if (Conv is not null)
        {
            x = Step(x, input, t => Reshaping.Permute(t, 0, 2, 1));
            x = Step(x, input, Conv.Forward);
            x = Rnn is null ? Step(x, input, t => Reductions.Mean(t, [2])) : Step(x, input, t => Reshaping.Permute(t, 0, 2, 1));
        }
        if (Rnn is not null)
        {
            var steps = input.Shape[1];
            x = Step(x, input, Rnn.Forward);
            x = Step(x, input, t => Reshaping.Slice(t, 1, steps - 1, 1));
            x = Step(x, input, t => Reshaping.Reshape(t, t.Shape[0], t.Shape[2]));
        }
        return Step(x, input, Head.Forward);
    }

    private static Tensor Step(Tensor x, Tensor input, Func<Tensor, Tensor> f)
    {
        var y = f(x);
        Intermediate.Release(x, input, y);
        return y;
    }
}
