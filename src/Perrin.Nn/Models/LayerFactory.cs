using Perrin.Core.Randomness;
using Perrin.Nn.Layers;

namespace Perrin.Nn.Models;

/// <summary>The layers the model configurations are made of.</summary>
internal static class LayerFactory
{
    /// <summary>The module of an activation, or null for <see cref="ActivationKind.None"/>.</summary>
    public static Module? Activation(ActivationKind kind) => kind switch
    {
        ActivationKind.None => null,
        ActivationKind.Relu => new ReLU(),
        ActivationKind.LeakyRelu => new LeakyReLU(),
        ActivationKind.Elu => new ELU(),
        ActivationKind.Sigmoid => new Sigmoid(),
        ActivationKind.Tanh => new Tanh(),
        ActivationKind.Softmax => new Softmax(1),
        ActivationKind.SigmoidFirstChannel => new FirstChannelSigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown activation"),
    };

    /// <summary>Appends an activation (nothing for None).</summary>
    public static void AddActivation(Chain chain, ActivationKind kind)
    {
        if (Activation(kind) is { } m) chain.Add(m);
    }

    /// <summary>
    /// Appends a convolution and its activation. A ReLU without batch norm is fused into the convolution (and its
    /// index left empty); with batch norm the order is convolution (no bias), BatchNorm2d, activation.
    /// </summary>
    public static void AddConv(Chain chain, int inChannels, int outChannels, int kernel, int padding, bool batchNorm,
        ActivationKind activation, RandomStream rng)
    {
        var fuse = activation == ActivationKind.Relu && !batchNorm;
        chain.Add(new Conv2d(inChannels, outChannels, kernel, rng, padding: padding, bias: !batchNorm, fusedRelu: fuse));
        if (batchNorm) chain.Add(new BatchNorm2d(outChannels));
        if (fuse) chain.Skip();
        else AddActivation(chain, activation);
    }

    /// <summary>Appends the pooling of a block.</summary>
    public static void AddPooling(Chain chain, PoolingKind kind, int size)
    {
        if (kind == PoolingKind.Max) chain.Add(new MaxPool2d(size));
        else if (kind == PoolingKind.Average) chain.Add(new AvgPool2d(size));
    }

    /// <summary>Appends dense layers of <paramref name="sizes"/> with their activation and dropout.</summary>
    public static int AddDense(Chain chain, int inFeatures, IReadOnlyList<int> sizes, ActivationKind activation, float dropout, RandomStream rng)
    {
        var f = inFeatures;
        for (var i = 0; i < sizes.Count; i++)
        {
            chain.Add(new Linear(f, sizes[i], rng));
            AddActivation(chain, activation);
            if (dropout > 0f) chain.Add(new Dropout(dropout, rng.Substream(DropoutPurpose + (ulong)i)));
            f = sizes[i];
        }
        return f;
    }

    // Dropout masks come from their own substreams so that enabling dropout does not change the initial weights.
    private const ulong DropoutPurpose = 0x44524F50;
}
