using Perrin.Core.Randomness;

namespace Perrin.Nn.Models;

/// <summary>
/// A pix2pix pair: "generator" (a U-Net with tanh outputs) and "discriminator" (PatchGAN). As a module it is the
/// generator: Forward maps a condition to an image, and its file holds both networks.
/// </summary>
public sealed class Pix2PixModel : Layers.Module
{
    /// <summary>Both networks, initialized from <paramref name="rng"/>.</summary>
    public Pix2PixModel(Pix2PixConfig config, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rng);
        config.Validate();
        Config = config;
        Generator = RegisterModule("generator", new UNet(config.Generator, rng));
        Discriminator = RegisterModule("discriminator", new PatchGanDiscriminator(config.InputChannels, config.OutputChannels, config.DiscriminatorChannels, rng));
    }

    /// <summary>The architecture.</summary>
    public Pix2PixConfig Config { get; }

    /// <summary>The generator.</summary>
    public UNet Generator { get; }

    /// <summary>The discriminator.</summary>
    public PatchGanDiscriminator Discriminator { get; }

    /// <summary>The generated image for a condition.</summary>
    public override Tensor Forward(Tensor input) => Generator.Forward(input);

    /// <summary>The discriminator's patch logits for a condition and an image.</summary>
    public Tensor Discriminate(Tensor condition, Tensor image) => Discriminator.Forward(condition, image);
}
