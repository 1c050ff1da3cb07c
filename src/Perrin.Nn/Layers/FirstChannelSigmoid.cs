using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Layers;

/// <summary>
/// The logistic function on channel 0 of [N, C, …] and the identity on the other channels: the output of a network
/// whose first channel is a detection probability and whose others are regressions (DECODE maps).
/// </summary>
public sealed class FirstChannelSigmoid : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank < 2 || input.Shape[1] < 1)
            throw new ArgumentException($"FirstChannelSigmoid: input of shape {ShapeText.Format(input.Shape)}, expected [N, C, …] with C ≥ 1.");
        var c = input.Shape[1];
        if (c == 1) return Activations.Sigmoid(input);
        var probability = Activations.Sigmoid(Reshaping.Slice(input, 1, 0, 1));
        return Reshaping.Concat([probability, Reshaping.Slice(input, 1, 1, c - 1)], 1);
    }
}
