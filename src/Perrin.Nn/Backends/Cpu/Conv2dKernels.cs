using System.Buffers;
using Perrin.Nn.Ops;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// 2D convolution (PyTorch's conv2d, a cross-correlation) on contiguous NCHW float buffers. Outputs are overwritten.
/// Results are bit-identical for any <c>threads</c>. A 1D convolution is the case H = 1, KH = 1.
/// 3×3 valid convolutions of one-channel images go through <see cref="SingleChannelConv"/> (forward and weight
/// gradient), 3×3 stride-1 ungrouped convolutions with many channels through <see cref="WinogradConv"/> (forward and input
/// gradient), small images through <see cref="Im2ColBatch"/> (forward and input gradient), other stride-1 ungrouped
/// ones through <see cref="DirectConv"/> where it measured faster, the rest through im2col + GEMM per image
/// (<see cref="ConvEngine"/>). For the weight gradient of small images the per-image GEMMs measured 1.0–1.7× faster
/// than one GEMM over the columns of the whole batch (11×11, 32 → 64 channels, batch 32: 2.7 against 4.3 ms).
/// </summary>
public static unsafe class Conv2dKernels
{
    /// <summary>
    /// output[N, Cout, OutH, OutW] = conv(input[N, Cin, H, W], weight[Cout, Cin/groups, KH, KW]) + bias[Cout],
    /// then ReLU when <paramref name="relu"/> is set. An empty <paramref name="bias"/> means no bias.
    /// </summary>
    public static void Forward(Conv2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, Span<float> output, bool relu = false, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "Conv2d.Forward";
        CheckInput(op, geometry, input.Length);
        CheckWeight(op, geometry, weight.Length);
        KernelChecks.OptionalLength(op, "bias", bias.Length, geometry.Cout, KernelChecks.Dims(geometry.Cout));
        CheckOutput(op, "output", geometry, output.Length);
        KernelChecks.Threads(op, threads);
        var shape = geometry.Shape;
        if (SingleChannelConv.Applies(shape))
            SingleChannelConv.Forward(shape, input, weight, bias, relu, output, threads);
        else if (WinogradConv.PrefersForward(shape))
            WinogradConv.Forward(WinogradConv.KindFor(Sgemm.BestKernel, shape.OutW), shape, input, weight, bias, relu, output, threads);
        else if (Im2ColBatch.PrefersForward(shape))
            Im2ColBatch.Forward(shape, input, weight, bias, relu, output, threads);
        else if (DirectConv.PrefersForward(shape))
            DirectConv.Forward(Sgemm.BestKernel, shape, input, weight, bias, relu, output, threads);
        else
            ConvEngine.Forward(shape, input, weight, bias, relu, output, threads);
    }

    /// <summary>
    /// <see cref="Forward"/> of the channel concatenation of <paramref name="first"/> [N, <paramref name="firstChannels"/>, H, W]
    /// and <paramref name="second"/> [N, Cin − firstChannels, H, W], with the same bits. The Winograd and direct
    /// kernels pad their input into their own buffers anyway and read each channel from where it lies, so the joined
    /// copy (a U-Net decoder's concatenation of upsampled and skip maps) is never made; the other paths get a pooled one.
    /// </summary>
    public static void ForwardJoined(Conv2dGeometry geometry, int firstChannels, ReadOnlySpan<float> first,
        ReadOnlySpan<float> second, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> output,
        bool relu = false, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "Conv2d.ForwardJoined";
        CheckJoined(op, geometry, firstChannels, first.Length, second.Length);
        CheckWeight(op, geometry, weight.Length);
        KernelChecks.OptionalLength(op, "bias", bias.Length, geometry.Cout, KernelChecks.Dims(geometry.Cout));
        CheckOutput(op, "output", geometry, output.Length);
        KernelChecks.Threads(op, threads);
        var shape = geometry.Shape;
        var winograd = WinogradConv.PrefersForward(shape);
        if (winograd || (!Im2ColBatch.PrefersForward(shape) && DirectConv.PrefersForward(shape)))
        {
            fixed (float* a = first, b = second)
            {
                var source = ChannelPlanes.Joined(a, firstChannels, b);
                if (winograd) WinogradConv.Forward(WinogradConv.KindFor(Sgemm.BestKernel, shape.OutW), shape, source, weight, bias, relu, output, threads);
                else DirectConv.Forward(Sgemm.BestKernel, shape, source, weight, bias, relu, output, threads);
            }
            return;
        }
        var joined = Join(geometry, firstChannels, first, second);
        try
        {
            Forward(geometry, joined.AsSpan(0, geometry.InputLength), weight, bias, output, relu, threads);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(joined);
        }
    }

    /// <summary>gradInput[N, Cin, H, W] = the adjoint of <see cref="Forward"/> (without bias) applied to gradOutput.</summary>
    public static void BackwardData(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight,
        Span<float> gradInput, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "Conv2d.BackwardData";
        CheckOutput(op, "output gradient", geometry, gradOutput.Length);
        CheckWeight(op, geometry, weight.Length);
        KernelChecks.Length(op, "input gradient", gradInput.Length, geometry.InputLength, InputDims(geometry));
        KernelChecks.Threads(op, threads);
        var shape = geometry.Shape;
        if (WinogradConv.Prefers(shape))
            WinogradConv.BackwardData(WinogradConv.KindFor(Sgemm.BestKernel, shape.W), shape, gradOutput, weight, gradInput, threads);
        else if (DirectConv.PrefersBackwardData(shape))
            DirectConv.BackwardData(Sgemm.BestKernel, shape, gradOutput, weight, gradInput, threads);
        else if (Im2ColBatch.Applies(shape))
            Im2ColBatch.BackwardData(shape, gradOutput, weight, gradInput, threads);
        else
            ConvEngine.BackwardData(shape, gradOutput, weight, gradInput, threads);
    }

    /// <summary>
    /// gradWeight[Cout, Cin/groups, KH, KW] = Σ over images of gradOutput ⋆ input; gradBias[Cout] = Σ of gradOutput over
    /// batch and space (skipped when <paramref name="gradBias"/> is empty).
    /// </summary>
    public static void BackwardWeight(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        Span<float> gradWeight, Span<float> gradBias, int threads = 1)
    {
        CheckWeightGradient(geometry, gradOutput, input, gradWeight, gradBias, threads);
        var shape = geometry.Shape;
        if (SingleChannelConv.Applies(shape))
        {
            SingleChannelConv.BackwardWeight(shape, gradOutput, input, gradWeight, gradBias, threads);
            return;
        }
        if (DirectConv.PrefersBackwardWeight(shape))
        {
            DirectConv.BackwardWeight(Sgemm.BestKernel, shape, gradOutput, input, gradWeight, threads, gradBias);
            return;
        }
        ConvEngine.BackwardWeight(shape, gradOutput, input, gradWeight, threads);
        if (!gradBias.IsEmpty)
            ConvEngine.BackwardBias(geometry.N, geometry.Cout, geometry.OutH * geometry.OutW, gradOutput, gradBias);
    }

    /// <summary>
    /// <see cref="BackwardData"/> for the input that <see cref="ForwardJoined"/> took, overwriting the gradients of
    /// its two parts with the bits of splitting the concatenation's. Winograd and the direct kernel write each channel
    /// where it belongs (the direct kernel when the split falls between its blocks of output channels); the other paths
    /// go through a pooled copy.
    /// </summary>
    public static void BackwardDataJoined(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> weight, int firstChannels, Span<float> gradFirst, Span<float> gradSecond, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "Conv2d.BackwardDataJoined";
        CheckJoined(op, geometry, firstChannels, gradFirst.Length, gradSecond.Length);
        CheckOutput(op, "output gradient", geometry, gradOutput.Length);
        CheckWeight(op, geometry, weight.Length);
        KernelChecks.Threads(op, threads);
        var shape = geometry.Shape;
        var winograd = WinogradConv.Prefers(shape);
        if (winograd || (DirectConv.PrefersBackwardData(shape)
                && firstChannels % DirectConvForward.BlockChannels(Sgemm.BestKernel) == 0))
        {
            fixed (float* a = gradFirst, b = gradSecond)
            {
                var planes = ChannelPlanes.Joined(a, firstChannels, b);
                if (winograd) WinogradConv.BackwardData(WinogradConv.KindFor(Sgemm.BestKernel, shape.W), shape, gradOutput, weight, planes, threads);
                else DirectConv.BackwardData(Sgemm.BestKernel, shape, gradOutput, weight, planes, threads);
            }
            return;
        }
        var joined = ArrayPool<float>.Shared.Rent(geometry.InputLength);
        try
        {
            BackwardData(geometry, gradOutput, weight, joined.AsSpan(0, geometry.InputLength), threads);
            Split(geometry, firstChannels, joined, gradFirst, gradSecond);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(joined);
        }
    }

    /// <summary>
    /// <see cref="BackwardWeight"/> for the input that <see cref="ForwardJoined"/> took: the channel concatenation of
    /// <paramref name="first"/> and <paramref name="second"/>, with the same bits. The direct kernel reads each channel
    /// where it lies; the other paths get a pooled concatenated copy.
    /// </summary>
    public static void BackwardWeightJoined(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, int firstChannels,
        ReadOnlySpan<float> first, ReadOnlySpan<float> second, Span<float> gradWeight, Span<float> gradBias,
        int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "Conv2d.BackwardWeightJoined";
        CheckJoined(op, geometry, firstChannels, first.Length, second.Length);
        CheckOutput(op, "output gradient", geometry, gradOutput.Length);
        KernelChecks.Length(op, "weight gradient", gradWeight.Length, geometry.WeightLength, WeightDims(geometry));
        KernelChecks.OptionalLength(op, "bias gradient", gradBias.Length, geometry.Cout, KernelChecks.Dims(geometry.Cout));
        KernelChecks.Threads(op, threads);
        var shape = geometry.Shape;
        if (!SingleChannelConv.Applies(shape) && DirectConv.PrefersBackwardWeight(shape))
        {
            fixed (float* a = first, b = second)
            {
                DirectConv.BackwardWeight(Sgemm.BestKernel, shape, gradOutput, ChannelPlanes.Joined(a, firstChannels, b),
                    gradWeight, threads, gradBias);
            }
            return;
        }
        var joined = Join(geometry, firstChannels, first, second);
        try
        {
            BackwardWeight(geometry, gradOutput, joined.AsSpan(0, geometry.InputLength), gradWeight, gradBias, threads);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(joined);
        }
    }

    /// <summary>A pooled copy of the channel concatenation of the two inputs; the caller returns it to the pool.</summary>
    private static float[] Join(Conv2dGeometry g, int firstChannels, ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        var joined = ArrayPool<float>.Shared.Rent(g.InputLength);
        var plane = g.H * g.W;
        var image = g.Cin * plane;
        var (firstRun, secondRun) = (firstChannels * plane, (g.Cin - firstChannels) * plane);
        for (var n = 0; n < g.N; n++)
        {
            first.Slice(n * firstRun, firstRun).CopyTo(joined.AsSpan(n * image));
            second.Slice(n * secondRun, secondRun).CopyTo(joined.AsSpan(n * image + firstRun));
        }
        return joined;
    }

    /// <summary>The inverse of <see cref="Join"/>: each image's channels of <paramref name="joined"/> back into the two parts.</summary>
    private static void Split(Conv2dGeometry g, int firstChannels, ReadOnlySpan<float> joined, Span<float> first,
        Span<float> second)
    {
        var plane = g.H * g.W;
        var image = g.Cin * plane;
        var (firstRun, secondRun) = (firstChannels * plane, (g.Cin - firstChannels) * plane);
        for (var n = 0; n < g.N; n++)
        {
            joined.Slice(n * image, firstRun).CopyTo(first.Slice(n * firstRun));
            joined.Slice(n * image + firstRun, secondRun).CopyTo(second.Slice(n * secondRun));
        }
    }

    private static void CheckJoined(string op, Conv2dGeometry g, int firstChannels, int firstLength, int secondLength)
    {
        if (firstChannels < 1 || firstChannels >= g.Cin)
            throw new ArgumentException($"{op}: the first input's {firstChannels} channels must leave at least one of the {g.Cin} input channels to the second.");
        var plane = g.H * g.W;
        KernelChecks.Length(op, "first input", firstLength, g.N * firstChannels * plane,
            KernelChecks.Dims(g.N, firstChannels, g.H, g.W));
        KernelChecks.Length(op, "second input", secondLength, g.N * (g.Cin - firstChannels) * plane,
            KernelChecks.Dims(g.N, g.Cin - firstChannels, g.H, g.W));
    }

    // The argument checks both weight-gradient entry points share, under one op name.
    private static void CheckWeightGradient(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input,
        ReadOnlySpan<float> gradWeight, ReadOnlySpan<float> gradBias, int threads)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "Conv2d.BackwardWeight";
        CheckOutput(op, "output gradient", geometry, gradOutput.Length);
        CheckInput(op, geometry, input.Length);
        KernelChecks.Length(op, "weight gradient", gradWeight.Length, geometry.WeightLength, WeightDims(geometry));
        KernelChecks.OptionalLength(op, "bias gradient", gradBias.Length, geometry.Cout, KernelChecks.Dims(geometry.Cout));
        KernelChecks.Threads(op, threads);
    }

    /// <summary>
    /// The weight and bias gradients of a convolution with its ReLU fused in: <paramref name="gradOutput"/> is the
    /// gradient of the ReLU's output <paramref name="reluOutput"/>, and counts only where that output is positive.
    /// The same result as masking the gradient first and calling <see cref="BackwardWeight"/>; the first layer's
    /// one-channel kernel masks as it loads, saving a pass over the largest activation of a small CNN.
    /// </summary>
    public static void BackwardWeightThroughRelu(Conv2dGeometry geometry, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> reluOutput, ReadOnlySpan<float> input, Span<float> gradWeight, Span<float> gradBias,
        int threads = 1)
    {
        CheckWeightGradient(geometry, gradOutput, input, gradWeight, gradBias, threads);
        CheckOutput("Conv2d.BackwardWeight", "ReLU output", geometry, reluOutput.Length);
        var shape = geometry.Shape;
        if (SingleChannelConv.Applies(shape))
        {
            SingleChannelConv.BackwardWeight(shape, gradOutput, reluOutput, input, gradWeight, gradBias, threads);
            return;
        }
        var masked = ArrayPool<float>.Shared.Rent(gradOutput.Length);
        try
        {
            var m = masked.AsSpan(0, gradOutput.Length);
            PositiveMask.Apply(gradOutput, reluOutput, m, threads);
            BackwardWeight(geometry, m, input, gradWeight, gradBias, threads);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(masked);
        }
    }

    private static string InputDims(Conv2dGeometry g) => KernelChecks.Dims(g.N, g.Cin, g.H, g.W);

    private static string WeightDims(Conv2dGeometry g) => KernelChecks.Dims(g.Cout, g.Cin / g.Groups, g.KH, g.KW);

    private static void CheckInput(string op, Conv2dGeometry g, int length) =>
        KernelChecks.Length(op, "input", length, g.InputLength, InputDims(g));

    private static void CheckWeight(string op, Conv2dGeometry g, int length) =>
        KernelChecks.Length(op, "weight", length, g.WeightLength, WeightDims(g));

    private static void CheckOutput(string op, string name, Conv2dGeometry g, int length) =>
        KernelChecks.Length(op, name, length, g.OutputLength, KernelChecks.Dims(g.N, g.Cout, g.OutH, g.OutW));
}
