using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Max pooling layer; the stride defaults to the kernel size.</summary>
public sealed class MaxPool2d(int kernelSize, int? stride = null, int padding = 0, int dilation = 1) : Module
{
    /// <summary>Kernel size.</summary>
    public int KernelSize { get; } = kernelSize;

    /// <summary>Stride.</summary>
    public int Stride { get; } = stride ?? kernelSize;

    /// <summary>Padding.</summary>
    public int Padding { get; } = padding;

    /// <summary>Dilation.</summary>
    public int Dilation { get; } = dilation;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Pooling.MaxPool2d(input, KernelSize, Stride, Padding, Dilation);
}
