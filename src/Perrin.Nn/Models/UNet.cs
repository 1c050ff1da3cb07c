using Perrin.Core.Randomness;

namespace Perrin.Nn.Models;

/// <summary>
/// A U-Net whose state-dict names and shapes are those of shared/bench/torch_reference.py's UNet
/// ("down.0.0.weight", "mid.2.bias", "up.0.weight", "dec.0.0.weight", "head.weight", …), so its files load into
/// that class; the decoder input of each level is [upsampled, skip] along the channels.
/// </summary>
public sealed class UNet : ConvDecoderNetwork
{
    /// <summary>A U-Net initialized from <paramref name="rng"/>.</summary>
    public UNet(UNetConfig config, RandomStream rng)
        : base(config, skips: true, rng)
    {
    }
}
