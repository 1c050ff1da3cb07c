using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Upsampling layer by an integer factor, nearest or bilinear.</summary>
public sealed class Upsample(int scaleFactor, bool bilinear = false) : Module
{
    /// <summary>The factor on both axes.</summary>
    public int ScaleFactor { get; } = scaleFactor;

    /// <summary>True for bilinear (align_corners = false), false for nearest.</summary>
    public bool Bilinear { get; } = bilinear;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Resampling.Upsample(input, ScaleFactor, Bilinear);
}
