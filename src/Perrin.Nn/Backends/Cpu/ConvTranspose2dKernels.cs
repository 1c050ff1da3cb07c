using System.Numerics.Tensors;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// 2D transposed convolution (PyTorch's conv_transpose2d) on contiguous NCHW float buffers, computed as the adjoint of
/// the convolution described by <see cref="ConvTranspose2dGeometry.AdjointShape"/>. Outputs are overwritten and
/// bit-identical for any <c>threads</c>.
/// </summary>
public static class ConvTranspose2dKernels
{
    /// <summary>
    /// output[N, Cout, OutH, OutW] = convT(input[N, Cin, H, W], weight[Cin, Cout/groups, KH, KW]) + bias[Cout], then ReLU
    /// when <paramref name="relu"/> is set. An empty <paramref name="bias"/> means no bias.
    /// </summary>
    public static void Forward(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> weight,
        ReadOnlySpan<float> bias, Span<float> output, bool relu = false, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "ConvTranspose2d.Forward";
        CheckInput(op, "input", geometry, input.Length);
        CheckWeight(op, "weight", geometry, weight.Length);
        KernelChecks.OptionalLength(op, "bias", bias.Length, geometry.Cout, KernelChecks.Dims(geometry.Cout));
        CheckOutput(op, "output", geometry, output.Length);
        KernelChecks.Threads(op, threads);
        if (PatchConvTranspose.Applies(geometry))
        {
            PatchConvTranspose.Forward(geometry, input, weight, bias, relu, output, threads);
            return;
        }
        ConvEngine.BackwardData(geometry.AdjointShape, input, weight, output, threads);
        if (bias.IsEmpty && !relu) return;
        var plane = geometry.OutH * geometry.OutW;
        for (var n = 0; n < geometry.N; n++)
        {
            for (var c = 0; c < geometry.Cout; c++)
            {
                var channel = output.Slice((n * geometry.Cout + c) * plane, plane);
                if (!bias.IsEmpty) TensorPrimitives.Add(channel, bias[c], channel);
                if (relu) TensorPrimitives.Max(channel, 0f, channel);
            }
        }
    }

    /// <summary>gradInput[N, Cin, H, W] = the adjoint of <see cref="Forward"/> (without bias): a plain convolution.</summary>
    public static void BackwardData(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> weight, Span<float> gradInput, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "ConvTranspose2d.BackwardData";
        CheckOutput(op, "output gradient", geometry, gradOutput.Length);
        CheckWeight(op, "weight", geometry, weight.Length);
        CheckInput(op, "input gradient", geometry, gradInput.Length);
        KernelChecks.Threads(op, threads);
        if (PatchConvTranspose.Applies(geometry))
            PatchConvTranspose.BackwardData(geometry, gradOutput, weight, gradInput, threads);
        else
            ConvEngine.Forward(geometry.AdjointShape, gradOutput, weight, ReadOnlySpan<float>.Empty, false, gradInput, threads);
    }

    /// <summary>
    /// gradWeight[Cin, Cout/groups, KH, KW] = Σ over images of input ⋆ gradOutput; gradBias[Cout] = Σ of gradOutput over
    /// batch and space (skipped when <paramref name="gradBias"/> is empty).
    /// </summary>
    public static void BackwardWeight(ConvTranspose2dGeometry geometry, ReadOnlySpan<float> gradOutput,
        ReadOnlySpan<float> input, Span<float> gradWeight, Span<float> gradBias, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        const string op = "ConvTranspose2d.BackwardWeight";
        CheckOutput(op, "output gradient", geometry, gradOutput.Length);
        CheckInput(op, "input", geometry, input.Length);
        CheckWeight(op, "weight gradient", geometry, gradWeight.Length);
        KernelChecks.OptionalLength(op, "bias gradient", gradBias.Length, geometry.Cout, KernelChecks.Dims(geometry.Cout));
        KernelChecks.Threads(op, threads);
        if (PatchConvTranspose.Applies(geometry))
        {
            PatchConvTranspose.BackwardWeight(geometry, gradOutput, input, gradWeight, gradBias, threads);
            return;
        }
        ConvEngine.BackwardWeight(geometry.AdjointShape, input, gradOutput, gradWeight, threads);
        if (!gradBias.IsEmpty)
            ConvEngine.BackwardBias(geometry.N, geometry.Cout, geometry.OutH * geometry.OutW, gradOutput, gradBias);
    }

    private static void CheckInput(string op, string name, ConvTranspose2dGeometry g, int length) =>
        KernelChecks.Length(op, name, length, g.InputLength, KernelChecks.Dims(g.N, g.Cin, g.H, g.W));

    private static void CheckWeight(string op, string name, ConvTranspose2dGeometry g, int length) =>
        KernelChecks.Length(op, name, length, g.WeightLength, KernelChecks.Dims(g.Cin, g.Cout / g.Groups, g.KH, g.KW));

    private static void CheckOutput(string op, string name, ConvTranspose2dGeometry g, int length) =>
        KernelChecks.Length(op, name, length, g.OutputLength, KernelChecks.Dims(g.N, g.Cout, g.OutH, g.OutW));
}
