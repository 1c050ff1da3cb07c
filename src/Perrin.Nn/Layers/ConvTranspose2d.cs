using Perrin.Core.Randomness;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Layers;

/// <summary>Transposed 2-D convolution layer (learned upsampling), weight [Cin, Cout/groups, KH, KW].</summary>
public sealed class ConvTranspose2d : Module
{
    /// <summary>A square-kernel transposed convolution initialized as PyTorch does (fan-in from weight dim 1).</summary>
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, RandomStream rng, int stride = 1, int padding = 0,
        int outputPadding = 0, int dilation = 1, int groups = 1, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inChannels < 1 || outChannels < 1 || groups < 1 || inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"ConvTranspose2d: {inChannels} input and {outChannels} output channels must be positive multiples of groups {groups}.");
        if (kernelSize < 1) throw new ArgumentException($"ConvTranspose2d: kernel size {kernelSize} must be positive.");
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        OutputPadding = outputPadding;
        Dilation = dilation;
        Groups = groups;
        // PyTorch computes the fan-in of a transposed convolution's weight from its second dimension.
        var fanIn = outChannels / groups * kernelSize * kernelSize;
        Weight = RegisterParameter("weight", Init.FanInUniform(rng, fanIn, inChannels, outChannels / groups, kernelSize, kernelSize));
        if (bias) Bias = RegisterParameter("bias", Init.FanInUniform(rng, fanIn, outChannels));
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel size.</summary>
    public int KernelSize { get; }

    /// <summary>Stride (the upsampling factor).</summary>
    public int Stride { get; }

    /// <summary>Padding.</summary>
    public int Padding { get; }

    /// <summary>Extra rows and columns on the output's far side.</summary>
    public int OutputPadding { get; }

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
        if (input.Rank != 4 || input.Shape[1] != InChannels)
            throw new ArgumentException($"ConvTranspose2d({InChannels}→{OutChannels}): input of shape {ShapeText.Format(input.Shape)}, expected [N, {InChannels}, H, W].");
        return Convolution.ConvTranspose2d(input, Weight, Bias, Stride, Padding, OutputPadding, Dilation, Groups);
    }
}
