using Perrin.Core.Randomness;

namespace Perrin.Nn.Models;

/// <summary>A convolutional encoder-decoder: the layout of <see cref="UNet"/> without the skip connections.</summary>
public sealed class EncoderDecoder : ConvDecoderNetwork
{
    /// <summary>An encoder-decoder initialized from <paramref name="rng"/>.</summary>
    public EncoderDecoder(EncoderDecoderConfig config, RandomStream rng)
        : base(config, skips: false, rng)
    {
    }
}
