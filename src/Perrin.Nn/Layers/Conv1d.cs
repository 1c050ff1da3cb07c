using Perrin.Core.Randomness;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Layers;

/// <summary>1-D convolution over (N, C, L), for trajectories and other sequences; weight [Cout, Cin/groups, K].</summary>
public sealed class Conv1d : Module
{
    /// <summary>A 1-D convolution initialized as PyTorch does.</summary>
    public Conv1d(int inChannels, int outChannels, int kernelSize, RandomStream rng, int stride = 1, int padding = 0,
        int dilation = 1, int groups = 1, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inChannels < 1 || outChannels < 1 || kernelSize < 1 || groups < 1 || inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"Conv1d: {inChannels}→{outChannels} channels, kernel {kernelSize}, groups {groups} is not a valid layer.");
        InChannels = inChannels;
        OutChannels = outChannels;
        Stride = stride;
        Padding = padding;
        Dilation = dilation;
        Groups = groups;
        var fanIn = inChannels / groups * kernelSize;
        Weight = RegisterParameter("weight", Init.FanInUniform(rng, fanIn, outChannels, inChannels / groups, kernelSize));
        if (bias) Bias = RegisterParameter("bias", Init.FanInUniform(rng, fanIn, outChannels));
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Stride.</summary>
    public int Stride { get; }

    /// <summary>Padding.</summary>
    public int Padding { get; }

    /// <summary>Dilation.</summary>
    public int Dilation { get; }

    /// <summary>Channel groups.</summary>
    public int Groups { get; }

    /// <summary>The weight.</summary>
    public Tensor Weight { get; }

    /// <summary>The bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 3 || input.Shape[1] != InChannels)
            throw new ArgumentException($"Conv1d({InChannels}→{OutChannels}): input of shape {ShapeText.Format(input.Shape)}, expected [N, {InChannels}, L].");
        return Convolution.Conv1d(input, Weight, Bias, Stride, Padding, Dilation, Groups);
    }
}
