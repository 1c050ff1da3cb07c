using Perrin.Nn.Backends.Cpu;
using Perrin.Nn.Ops;

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

    /// <summary>
    /// <see cref="Conv2d"/> of the channel concatenation of <paramref name="first"/> (its first
    /// <paramref name="firstChannels"/> channels) and <paramref name="second"/>, with the same result.
    /// </summary>
    void Conv2dJoined(Conv2dGeometry geometry, int firstChannels, ReadOnlySpan<float> first, ReadOnlySpan<float> second,
        ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> output, bool relu);

    /// <summary>The input gradients of <see cref="Conv2dJoined"/>, with the bits of splitting the concatenation's.</summary>
    void Conv2dBackwardDataJoined(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight,
        int firstChannels, Span<float> gradFirst, Span<float> gradSecond);

    /// <summary>The weight and bias gradients of <see cref="Conv2dJoined"/>, with the bits of those of the concatenation.</summary>
    void Conv2dBackwardWeightJoined(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, int firstChannels,
        ReadOnlySpan<float> first, ReadOnlySpan<float> second, Span<float> gradWeight, Span<float> gradBias);

    /// <summary>Gradient of a convolution with respect to its input.</summary>
    void Conv2dBackwardData(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight, Span<float> gradInput);

    /// <summary>Gradients of a convolution with respect to its weight and (when not empty) its bias.</summary>
    void Conv2dBackwardWeight(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        Span<float> gradWeight, Span<float> gradBias);

    /// <summary>
    /// Gradients of a convolution with its ReLU fused in with respect to its weight and (when not empty) its bias,
    /// from the gradient of the ReLU's output, which counts only where <paramref name="reluOutput"/> is positive.
    /// </summary>
    void Conv2dBackwardWeightThroughRelu(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> reluOutput, ReadOnlySpan<float> input, Span<float> gradWeight, Span<float> gradBias)
    {
        var masked = new float[gradOutput.Length];
        PositiveMask.Apply(gradOutput, reluOutput, masked, Threads);
        Conv2dBackwardWeight(geometry, masked, input, gradWeight, gradBias);
    }

    /// <summary>Transposed convolution with optional bias and fused ReLU.</summary>
    void ConvTranspose2d(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, Span<float> output, bool relu);

    /// <summary>Gradient of a transposed convolution with respect to its input.</summary>
    void ConvTranspose2dBackwardData(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight,
        Span<float> gradInput);

    /// <summary>Gradients of a transposed convolution with respect to its weight and (when not empty) its bias.</summary>
    void ConvTranspose2dBackwardWeight(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        Span<float> gradWeight, Span<float> gradBias);

    /// <summary>Max pooling; <paramref name="indices"/> receives the flat input index of each maximum within its plane.</summary>
    void MaxPool2d(Pool2dGeometry geometry, ReadOnlySpan<float> input, Span<float> output, Span<int> indices);

    /// <summary>Routes each output gradient to the input element that was the maximum.</summary>
    void MaxPool2dBackward(Pool2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<int> indices, Span<float> gradInput);

    /// <summary>Average pooling, padding counted in the divisor as PyTorch's default.</summary>
    void AvgPool2d(Pool2dGeometry geometry, ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Gradient of average pooling.</summary>
    void AvgPool2dBackward(Pool2dGeometry geometry, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    /// <summary>Upsampling by integer factors, nearest or bilinear (align_corners = false).</summary>
    void Upsample2d(Upsample2dGeometry geometry, bool bilinear, ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Gradient of upsampling.</summary>
    void Upsample2dBackward(Upsample2dGeometry geometry, bool bilinear, ReadOnlySpan<float> gradOutput, Span<float> gradInput);

    /// <summary>Max pooling that keeps no indices (the backward finds the winners again from the input).</summary>
    void MaxPool2d(Pool2dGeometry geometry, ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Gradient of max pooling, with each window's winner found again in <paramref name="input"/>.</summary>
    void MaxPool2dBackward(Pool2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput, Span<float> gradInput);
}
