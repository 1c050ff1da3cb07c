using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Activation layer: x for x &gt; 0, slope·x otherwise (PatchGAN discriminators use 0.2).</summary>
public sealed class LeakyReLU(float negativeSlope = 0.01f) : Module
{
    /// <summary>The slope for negative inputs.</summary>
    public float NegativeSlope { get; } = negativeSlope;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Activations.LeakyRelu(input, NegativeSlope);
}
