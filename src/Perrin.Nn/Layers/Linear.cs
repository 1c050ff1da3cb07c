using Perrin.Core.Randomness;
using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Fully connected layer y = x·Wᵀ + b (Dense), weight [out, in] as in PyTorch.</summary>
public sealed class Linear : Module
{
    /// <summary>A layer from <paramref name="inFeatures"/> to <paramref name="outFeatures"/>, initialized from <paramref name="rng"/>.</summary>
    public Linear(int inFeatures, int outFeatures, RandomStream rng, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inFeatures < 1 || outFeatures < 1)
            throw new ArgumentOutOfRangeException(nameof(inFeatures), $"Linear: features must be positive, got in {inFeatures}, out {outFeatures}.");
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Init.FanInUniform(rng, inFeatures, outFeatures, inFeatures));
        if (bias) Bias = RegisterParameter("bias", Init.FanInUniform(rng, inFeatures, outFeatures));
    }

    /// <summary>Input features.</summary>
    public int InFeatures { get; }

    /// <summary>Output features.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias [out], or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Shape[1] != InFeatures)
            throw new ArgumentException($"Linear({InFeatures}→{OutFeatures}): input of shape {Tensors.ShapeText.Format(input.Shape)}, expected [N, {InFeatures}].");
        return LinearAlgebra.Linear(input, Weight, Bias);
    }
}
