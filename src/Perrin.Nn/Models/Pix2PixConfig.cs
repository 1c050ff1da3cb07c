using System.Text.Json.Serialization;

namespace Perrin.Nn.Models;

/// <summary>
/// A pix2pix-style conditional GAN: a U-Net generator with tanh outputs and a PatchGAN discriminator over the
/// condition and the image concatenated. The discriminator has one 4×4 stride-2 convolution per entry of
/// <see cref="DiscriminatorChannels"/> (instance norm on all but the first, LeakyReLU 0.2) and a final 4×4
/// stride-1 convolution to one logit per patch.
/// </summary>
public sealed record Pix2PixConfig : ModelConfig
{
    /// <summary>Channels of the condition (the generator's input).</summary>
    public int InputChannels { get; init; } = 1;

    /// <summary>Channels of the generated image.</summary>
    public int OutputChannels { get; init; } = 1;

    /// <summary>The generator's encoder levels.</summary>
    public int[] Levels { get; init; } = [32, 64, 128];

    /// <summary>The generator's bottleneck channels.</summary>
    public int Bottleneck { get; init; } = 256;

    /// <summary>Convolutions per generator block.</summary>
    public int ConvsPerBlock { get; init; } = 2;

    /// <summary>Batch normalization in the generator.</summary>
    public bool BatchNorm { get; init; } = true;

    /// <summary>How the generator upsamples.</summary>
    public UpsamplingMode Upsampling { get; init; } = UpsamplingMode.TransposedConv;

    /// <summary>Channels of the discriminator's stride-2 convolutions.</summary>
    public int[] DiscriminatorChannels { get; init; } = [64, 128, 256];

    /// <summary>The generator as a U-Net configuration.</summary>
    [JsonIgnore]
    public UNetConfig Generator => new()
    {
        InputChannels = InputChannels,
        Levels = Levels,
        Bottleneck = Bottleneck,
        ConvsPerBlock = ConvsPerBlock,
        BatchNorm = BatchNorm,
        Upsampling = Upsampling,
        OutputChannels = OutputChannels,
        OutputActivation = ActivationKind.Tanh,
    };

    /// <inheritdoc />
    public override void Validate()
    {
        Generator.Validate();
        RequirePositive(DiscriminatorChannels, "pix2pix", "discriminatorChannels", allowEmpty: false);
        Require(DiscriminatorChannels.Length <= 16, "pix2pix", $"{DiscriminatorChannels.Length} discriminator layers are too many (at most 16)");
    }
}
