using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Models;

/// <summary>A multilayer perceptron over (N, features), named as the equivalent torch nn.Sequential.</summary>
public sealed class Mlp : Chain
{
    /// <summary>An MLP initialized from <paramref name="rng"/>.</summary>
    public Mlp(MlpConfig config, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rng);
        config.Validate();
        Config = config;
        var f = LayerFactory.AddDense(this, config.InputSize, config.HiddenSizes, config.Activation, config.Dropout, rng);
        Add(new Linear(f, config.OutputSize, rng));
        LayerFactory.AddActivation(this, config.OutputActivation);
    }

    /// <summary>The architecture.</summary>
    public MlpConfig Config { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Shape[1] != Config.InputSize)
            throw new ArgumentException($"Mlp: input of shape {ShapeText.Format(input.Shape)}, expected [N, {Config.InputSize}].");
        return base.Forward(input);
    }
}
