using Perrin.Core.Randomness;
using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Channel dropout: in training whole (sample, channel) planes are zeroed with probability P, the rest scaled by 1/(1 − P).</summary>
/// <remarks>A channel-dropout layer; the stream may also be set later through <see cref="DropoutLayer.Random"/>.</remarks>
public sealed class Dropout2d(float p = 0.5f, RandomStream? random = null) : DropoutLayer("Dropout2d", p, random)
{
    private protected override Tensor Drop(Tensor input, RandomStream random) => Regularization.Dropout2d(input, P, random);
}
