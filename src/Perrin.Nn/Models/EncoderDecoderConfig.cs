namespace Perrin.Nn.Models;

/// <summary>A convolutional encoder-decoder: a U-Net without skip connections.</summary>
public sealed record EncoderDecoderConfig : ConvDecoderConfig
{
    private protected override string TypeName => "encoderDecoder";
}
