using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Activation layer: x for x &gt; 0, α(eˣ − 1) otherwise.</summary>
public sealed class ELU(float alpha = 1f) : Module
{
    /// <summary>The saturation value for large negative inputs is −α.</summary>
    public float Alpha { get; } = alpha;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Activations.Elu(input, Alpha);
}
