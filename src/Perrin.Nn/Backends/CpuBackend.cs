using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Backends;

/// <summary>The managed CPU backend: packed SIMD GEMM and im2col convolutions.</summary>
public sealed class CpuBackend : IBackend
{
    /// <summary>A backend using <paramref name="threads"/> workers (at least 1).</summary>
    public CpuBackend(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "the number of threads must be at least 1.");
        Threads = threads;
    }

    /// <inheritdoc />
    public string Name => "cpu";

    /// <inheritdoc />
    public int Threads { get; }

    /// <inheritdoc />
    public void Gemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc) =>
        Sgemm.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, Threads);

    /// <inheritdoc />
    public void Conv2d(Conv2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        Span<float> output, bool relu) => Conv2dKernels.Forward(geometry, input, weight, bias, output, relu, Threads);

    /// <inheritdoc />
    public void Conv2dJoined(Conv2dGeometry geometry, int firstChannels, ReadOnlySpan<float> first,
        ReadOnlySpan<float> second, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> output, bool relu) =>
        Conv2dKernels.ForwardJoined(geometry, firstChannels, first, second, weight, bias, output, relu, Threads);

    /// <inheritdoc />
    public void Conv2dBackwardDataJoined(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> weight, int firstChannels, Span<float> gradFirst, Span<float> gradSecond) =>
        Conv2dKernels.BackwardDataJoined(geometry, gradOutput, weight, firstChannels, gradFirst, gradSecond, Threads);

    /// <inheritdoc />
    public void Conv2dBackwardWeightJoined(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, int firstChannels,
        ReadOnlySpan<float> first, ReadOnlySpan<float> second, Span<float> gradWeight, Span<float> gradBias) =>
        Conv2dKernels.BackwardWeightJoined(geometry, gradOutput, firstChannels, first, second, gradWeight, gradBias,
            Threads);

    /// <inheritdoc />
    public void Conv2dBackwardData(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight, Span<float> gradInput) =>
        Conv2dKernels.BackwardData(geometry, gradOutput, weight, gradInput, Threads);

    /// <inheritdoc />
    public void Conv2dBackwardWeight(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        Span<float> gradWeight, Span<float> gradBias) =>
        Conv2dKernels.BackwardWeight(geometry, gradOutput, input, gradWeight, gradBias, Threads);

    /// <inheritdoc />
    public void Conv2dBackwardWeightThroughRelu(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> reluOutput, ReadOnlySpan<float> input, Span<float> gradWeight, Span<float> gradBias) =>
        Conv2dKernels.BackwardWeightThroughRelu(geometry, gradOutput, reluOutput, input, gradWeight, gradBias, Threads);

    /// <inheritdoc />
    public void ConvTranspose2d(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, Span<float> output, bool relu) =>
        ConvTranspose2dKernels.Forward(geometry, input, weight, bias, output, relu, Threads);

    /// <inheritdoc />
    public void ConvTranspose2dBackwardData(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight,
        Span<float> gradInput) => ConvTranspose2dKernels.BackwardData(geometry, gradOutput, weight, gradInput, Threads);

    /// <inheritdoc />
    public void ConvTranspose2dBackwardWeight(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        Span<float> gradWeight, Span<float> gradBias) =>
        ConvTranspose2dKernels.BackwardWeight(geometry, gradOutput, input, gradWeight, gradBias, Threads);

    /// <inheritdoc />
    public void MaxPool2d(Pool2dGeometry geometry, ReadOnlySpan<float> input, Span<float> output, Span<int> indices) =>
        PoolingKernels.MaxPoolForward(geometry, input, output, indices, Threads);

    /// <inheritdoc />
    public void MaxPool2dBackward(Pool2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<int> indices, Span<float> gradInput) =>
        PoolingKernels.MaxPoolBackward(geometry, gradOutput, indices, gradInput, Threads);

    /// <inheritdoc />
    public void AvgPool2d(Pool2dGeometry geometry, ReadOnlySpan<float> input, Span<float> output) =>
        PoolingKernels.AvgPoolForward(geometry, input, output, Threads);

    /// <inheritdoc />
    public void AvgPool2dBackward(Pool2dGeometry geometry, ReadOnlySpan<float> gradOutput, Span<float> gradInput) =>
        PoolingKernels.AvgPoolBackward(geometry, gradOutput, gradInput, Threads);

    /// <inheritdoc />
    public void Upsample2d(Upsample2dGeometry geometry, bool bilinear, ReadOnlySpan<float> input, Span<float> output)
    {
        if (bilinear) UpsampleKernels.BilinearForward(geometry, input, output, Threads);
        else UpsampleKernels.NearestForward(geometry, input, output, Threads);
    }

    /// <inheritdoc />
    public void Upsample2dBackward(Upsample2dGeometry geometry, bool bilinear, ReadOnlySpan<float> gradOutput, Span<float> gradInput)
    {
        if (bilinear) UpsampleKernels.BilinearBackward(geometry, gradOutput, gradInput, Threads);
        else UpsampleKernels.NearestBackward(geometry, gradOutput, gradInput, Threads);
    }

    /// <inheritdoc />
    public void MaxPool2d(Pool2dGeometry geometry, ReadOnlySpan<float> input, Span<float> output) =>
        MaxPoolRecompute.Forward(geometry, input, output, Threads);

    /// <inheritdoc />
    public void MaxPool2dBackward(Pool2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput, Span<float> gradInput) =>
        MaxPoolRecompute.Backward(geometry, input, gradOutput, gradInput, Threads);
}
