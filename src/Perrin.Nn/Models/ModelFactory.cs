using Perrin.Core.Randomness;
using Perrin.Nn.Layers;

namespace Perrin.Nn.Models;

/// <summary>Builds the network a <see cref="ModelConfig"/> describes.</summary>
public static class ModelFactory
{
    /// <summary>
    /// A new network with its parameters drawn from <paramref name="rng"/> (the same stream gives the same
    /// weights); an invalid configuration throws <see cref="ArgumentException"/>.
    /// </summary>
    public static Module Create(ModelConfig config, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rng);
        return config switch
        {
            MlpConfig c => new Mlp(c, rng),
            CnnConfig c => new Cnn(c, rng),
            UNetConfig c => new UNet(c, rng),
            EncoderDecoderConfig c => new EncoderDecoder(c, rng),
            Pix2PixConfig c => new Pix2PixModel(c, rng),
            SequenceModelConfig c => new SequenceModel(c, rng),
            _ => throw new ArgumentException($"ModelFactory: no network for configuration type {config.GetType().Name}.", nameof(config)),
        };
    }
}
