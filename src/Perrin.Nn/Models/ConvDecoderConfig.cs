using System.Text.Json.Serialization;

namespace Perrin.Nn.Models;

/// <summary>
/// The settings that U-Nets and plain encoder-decoders share: per level a block of
/// <see cref="ConvsPerBlock"/> 3×3 convolutions (padding 1, optional batch norm) + ReLU and a 2×2 max-pool, a
/// bottleneck block, then per level an upsampling step and a block, and a 1×1 convolution head.
/// </summary>
public abstract record ConvDecoderConfig : ModelConfig
{
    /// <summary>Input channels.</summary>
    public int InputChannels { get; init; } = 1;

    /// <summary>Channels of each encoder level, finest first; the decoder mirrors them.</summary>
    public int[] Levels { get; init; } = [16, 32, 64];

    /// <summary>Channels of the bottleneck block.</summary>
    public int Bottleneck { get; init; } = 128;

    /// <summary>Convolutions per block.</summary>
    public int ConvsPerBlock { get; init; } = 2;

    /// <summary>Batch normalization after every block convolution (the convolutions then have no bias).</summary>
    public bool BatchNorm { get; init; }

    /// <summary>How the decoder upsamples.</summary>
    public UpsamplingMode Upsampling { get; init; } = UpsamplingMode.TransposedConv;

    /// <summary>Output channels of the head.</summary>
    public int OutputChannels { get; init; } = 1;

    /// <summary>The activation of the outputs.</summary>
    public ActivationKind OutputActivation { get; init; } = ActivationKind.Sigmoid;

    /// <summary>Height and width must be multiples of this (2^levels) so that every pooling is exact.</summary>
    [JsonIgnore]
    public int SizeMultiple => 1 << Levels.Length;

    /// <inheritdoc />
    public override void Validate()
    {
        var type = TypeName;
        Require(InputChannels > 0, type, $"inputChannels {InputChannels} must be positive");
        RequirePositive(Levels, type, "levels", allowEmpty: false);
        Require(Levels.Length <= 16, type, $"{Levels.Length} levels are too many (at most 16)");
        Require(Bottleneck > 0, type, $"bottleneck {Bottleneck} must be positive");
        Require(ConvsPerBlock is > 0 and <= 16, type, $"convsPerBlock {ConvsPerBlock} must be in [1, 16]");
        Require(OutputChannels > 0, type, $"outputChannels {OutputChannels} must be positive");
    }

    /// <summary>The discriminator value, for messages.</summary>
    private protected abstract string TypeName { get; }
}
