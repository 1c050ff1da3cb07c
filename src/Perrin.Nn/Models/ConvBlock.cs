using Perrin.Core.Randomness;
using Perrin.Nn.Layers;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Models;

/// <summary>
/// <see cref="Convolutions"/> 3×3 convolutions with padding 1, each followed by ReLU (fused into the convolution)
/// or by batch norm and ReLU; named like torch's Sequential(Conv2d, ReLU, Conv2d, ReLU, …): "0", "2", … or, with
/// batch norm, "0", "1", "3", "4", ….
/// </summary>
public sealed class ConvBlock : Chain
{
    /// <summary>A block from <paramref name="inChannels"/> to <paramref name="outChannels"/>.</summary>
    public ConvBlock(int inChannels, int outChannels, int convolutions, bool batchNorm, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (convolutions < 1) throw new ArgumentOutOfRangeException(nameof(convolutions), $"ConvBlock: {convolutions} convolutions; at least 1 is needed.");
        InChannels = inChannels;
        OutChannels = outChannels;
        Convolutions = convolutions;
        for (var i = 0; i < convolutions; i++)
            LayerFactory.AddConv(this, i == 0 ? inChannels : outChannels, outChannels, 3, 1, batchNorm, ActivationKind.Relu, rng);
    }

    /// <summary>
    /// The block applied to the channel concatenation of <paramref name="first"/> and <paramref name="second"/>: its
    /// first convolution reads the two where they lie (<see cref="Conv2d.ForwardJoined"/>), so a U-Net's skip
    /// connections cost no concatenated copy of the decoder's input, in training or inference.
    /// </summary>
    public Tensor ForwardJoined(Tensor first, Tensor second)
    {
        var conv = (Conv2d)Modules[0].Module;
        return Continue(conv.ForwardJoined(first, second), first, 1);
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Convolutions in the block.</summary>
    public int Convolutions { get; }
}
