using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Softmax along an axis (the channel axis by default).</summary>
public sealed class Softmax(int axis = 1) : Module
{
    /// <summary>The axis that sums to one.</summary>
    public int Axis { get; } = axis;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Reductions.Softmax(input, Axis);
}
