using Perrin.Core.Randomness;

namespace Perrin.Nn.Layers;

/// <summary>Parameter initialization with PyTorch's defaults, drawn from a seeded stream.</summary>
public static class Init
{
    /// <summary>
    /// U(−1/√fanIn, 1/√fanIn): what PyTorch's kaiming_uniform(a = √5) gives for Linear and Conv weights, and what
    /// it uses for their biases.
    /// </summary>
    public static Tensor FanInUniform(RandomStream rng, int fanIn, params int[] shape)
    {
        var bound = fanIn > 0 ? 1f / MathF.Sqrt(fanIn) : 0f;
        return Tensor.Uniform(rng, -bound, bound, shape);
    }
}
