using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Activation layer: the logistic function.</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Activations.Sigmoid(input);
}
