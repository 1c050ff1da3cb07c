using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Models;

/// <summary>
/// A convolutional network with a dense top over (N, C, H, W), named as the equivalent torch nn.Sequential
/// (for cnn-bench: "0" conv, "3" conv, "6" conv, "10", "12", "14" linear).
/// </summary>
public sealed class Cnn : Chain
{
    /// <summary>A CNN initialized from <paramref name="rng"/>.</summary>
    public Cnn(CnnConfig config, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rng);
        config.Validate();
        Config = config;
        var cin = config.InputChannels;
        foreach (var c in config.ConvChannels)
        {
            LayerFactory.AddConv(this, cin, c, config.KernelSize, config.Padding, config.BatchNorm, config.Activation, rng);
            LayerFactory.AddPooling(this, config.Pooling, config.PoolSize);
            cin = c;
        }
        Add(new Flatten());
        var f = LayerFactory.AddDense(this, config.FlattenedSize, config.DenseSizes, config.Activation, config.Dropout, rng);
        Add(new Linear(f, config.Outputs, rng));
        LayerFactory.AddActivation(this, config.OutputActivation);
    }

    /// <summary>The architecture.</summary>
    public CnnConfig Config { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Shape[1] != Config.InputChannels || input.Shape[2] != Config.InputHeight || input.Shape[3] != Config.InputWidth)
            throw new ArgumentException($"Cnn: input of shape {ShapeText.Format(input.Shape)}, expected [N, {Config.InputChannels}, {Config.InputHeight}, {Config.InputWidth}].");
        return base.Forward(input);
    }
}
