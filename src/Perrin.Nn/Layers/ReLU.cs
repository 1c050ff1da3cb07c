using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Activation layer: max(x, 0).</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Activations.Relu(input);
}
