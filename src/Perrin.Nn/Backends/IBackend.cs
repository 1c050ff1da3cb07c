using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Backends;

/// <summary>
/// The compute kernels behind tensor operations. The managed CPU backend is the reference and the default; any
/// other backend must give the same results within float tolerance and is tested against it.
/// </summary>
public interface IBackend
{
    /// <summary>A short name for logs and benchmark reports.</summary>
    string Name { get; }

    /// <summary>Worker threads the kernels may use.</summary>
    int Threads { get; }

    /// <summary>C = alpha·op(A)·op(B) + beta·C on row-major matrices.</summary>
    void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc);

    /// <summary>Convolution (cross-correlation) with optional bias and fused ReLU.</summary>
    void Conv2d(Conv2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        Span<float> output, bool relu);

    /// <summary>Gradient of a convolution with respect to its input.</summary>
    void Conv2dBackwardData(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight, Span<float> gradInput);

    /// <summary>Gradients of a convolution with respect to its weight and (when not empty) its bias.</summary>
    void Conv2dBackwardWeight(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        Span<float> gradWeight, Span<float> gradBias);

    /// <summary>Transposed convolution with optional bias and fused ReLU.</summary>
    void ConvTranspose2d(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, Span<float> output, bool relu);

    /// <summary>Gradient of a transposed convolution with respect to its input.</summary>
    void ConvTranspose2dBackwardData(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight,
        Span<float> gradInput);

    /// <summary>Gradients of a transposed convolution with respect to its weight and (when not empty) its bias.</summary>
    void ConvTranspose2dBackwardWeight(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        Span<float> gradWeight, Span<float> gradBias);
}
