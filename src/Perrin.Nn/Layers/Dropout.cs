using Perrin.Core.Randomness;
using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>
/// Dropout: in training each element is zeroed with probability P and the rest scaled by 1/(1 − P), with a new
/// mask from <see cref="DropoutLayer.Random"/> at every forward; in eval mode the input passes unchanged (as a copy).
/// </summary>
/// <remarks>A dropout layer; the stream may also be set later through <see cref="DropoutLayer.Random"/>.</remarks>
public sealed class Dropout(float p = 0.5f, RandomStream? random = null) : DropoutLayer("Dropout", p, random)
{
    private protected override Tensor Drop(Tensor input, RandomStream random) => Regularization.Dropout(input, P, random);
}
