using Perrin.Core.Randomness;
using Perrin.Nn.Ops;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Layers;

/// <summary>2-D convolution layer, weight [Cout, Cin/groups, KH, KW]; optionally with the following ReLU fused in.</summary>
public sealed class Conv2d : Module
{
    /// <summary>A square-kernel convolution initialized from <paramref name="rng"/> as PyTorch does.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, RandomStream rng, int stride = 1, int padding = 0,
        int dilation = 1, int groups = 1, bool bias = true, bool fusedRelu = false)
        : this(inChannels, outChannels, (kernelSize, kernelSize), rng, (stride, stride), (padding, padding), (dilation, dilation), groups, bias, fusedRelu)
    {
    }

    /// <summary>A convolution with separate vertical and horizontal settings.</summary>
    public Conv2d(int inChannels, int outChannels, (int H, int W) kernelSize, RandomStream rng, (int H, int W) stride,
        (int H, int W) padding, (int H, int W) dilation, int groups = 1, bool bias = true, bool fusedRelu = false)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inChannels < 1 || outChannels < 1 || groups < 1 || inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"Conv2d: {inChannels} input and {outChannels} output channels must be positive multiples of groups {groups}.");
        if (kernelSize.H < 1 || kernelSize.W < 1)
            throw new ArgumentException($"Conv2d: kernel size ({kernelSize.H}, {kernelSize.W}) must be positive.");
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Dilation = dilation;
        Groups = groups;
        FusedRelu = fusedRelu;
        var fanIn = inChannels / groups * kernelSize.H * kernelSize.W;
        Weight = RegisterParameter("weight", Init.FanInUniform(rng, fanIn, outChannels, inChannels / groups, kernelSize.H, kernelSize.W));
        if (bias) Bias = RegisterParameter("bias", Init.FanInUniform(rng, fanIn, outChannels));
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel height and width.</summary>
    public (int H, int W) KernelSize { get; }

    /// <summary>Stride.</summary>
    public (int H, int W) Stride { get; }

    /// <summary>Zero padding on each side.</summary>
    public (int H, int W) Padding { get; }

    /// <summary>Dilation.</summary>
    public (int H, int W) Dilation { get; }

    /// <summary>Channel groups.</summary>
    public int Groups { get; }

    /// <summary>Whether a ReLU is applied in the same pass.</summary>
    public bool FusedRelu { get; }

    /// <summary>The weight.</summary>
    public Tensor Weight { get; }

    /// <summary>The bias, or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Shape[1] != InChannels)
            throw new ArgumentException($"Conv2d({InChannels}→{OutChannels}): input of shape {ShapeText.Format(input.Shape)}, expected [N, {InChannels}, H, W].");
        return Convolution.Conv2d(input, Weight, Bias, Stride, Padding, Dilation, Groups, FusedRelu);
    }

    /// <summary>
    /// <see cref="Forward"/> of the channel concatenation of <paramref name="first"/> and <paramref name="second"/>,
    /// with the same values and gradients, without making the concatenated copy (<see cref="Convolution.Conv2dJoined"/>).
    /// </summary>
    public Tensor ForwardJoined(Tensor first, Tensor second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Rank != 4 || second.Rank != 4 || first.Shape[1] + second.Shape[1] != InChannels)
            throw new ArgumentException($"Conv2d({InChannels}→{OutChannels}): inputs of shapes {ShapeText.Format(first.Shape)} and {ShapeText.Format(second.Shape)} joined, expected [N, C1, H, W] and [N, C2, H, W] with C1 + C2 = {InChannels}.");
        return Convolution.Conv2dJoined(first, second, Weight, Bias, Stride, Padding, Dilation, Groups, FusedRelu);
    }
}
