using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Activation layer: the hyperbolic tangent.</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Activations.Tanh(input);
}
