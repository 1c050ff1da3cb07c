using Perrin.Nn.Ops;

namespace Perrin.Nn.Layers;

/// <summary>Average pooling layer; the stride defaults to the kernel size.</summary>
public sealed class AvgPool2d(int kernelSize, int? stride = null, int padding = 0) : Module
{
    /// <summary>Kernel size.</summary>
    public int KernelSize { get; } = kernelSize;

    /// <summary>Stride.</summary>
    public int Stride { get; } = stride ?? kernelSize;

    /// <summary>Padding.</summary>
    public int Padding { get; } = padding;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => Pooling.AvgPool2d(input, KernelSize, Stride, Padding);
}
