namespace Perrin.Nn.Models;

/// <summary>
/// A U-Net: the decoder block of each level sees the upsampled features concatenated with the encoder's
/// features of the same level (upsampled first, then the skip).
/// </summary>
public sealed record UNetConfig : ConvDecoderConfig
{
    /// <summary>The unet-bench network of shared/bench/BENCHMARKS.md (481,745 parameters).</summary>
    public static UNetConfig Bench { get; } = new();

    private protected override string TypeName => "unet";
}
