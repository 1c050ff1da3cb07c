using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Merges all axes after the batch axis (N×C×H×W → N×CHW).</summary>
public sealed class Flatten : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Reshaping.Flatten(input);
}
