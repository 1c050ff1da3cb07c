using Perrin.Nn.Layers;
using Perrin.Nn.Serialization.Onnx;

namespace Perrin.Nn.Models;

/// <summary>Emits the ONNX nodes of one module (recursively for containers and models); returns its output value.</summary>
internal static class OnnxModuleExporter
{
    public static string Emit(OnnxExportContext cx, Module module, string prefix, string input) => module switch
    {
        Conv2d m => Conv2d(cx, m, prefix, input),
        ConvTranspose2d m => cx.Graph.ConvTranspose(input, cx.Initializer(prefix + "weight", m.Weight), Bias(cx, prefix, m.Bias),
            cx.Value(prefix, "ConvTranspose"), [m.KernelSize, m.KernelSize], [m.Stride, m.Stride], [m.Padding, m.Padding],
            [m.OutputPadding, m.OutputPadding], [m.Dilation, m.Dilation], m.Groups),
        Conv1d m => cx.Graph.Conv(input, cx.Initializer(prefix + "weight", m.Weight), Bias(cx, prefix, m.Bias), cx.Value(prefix, "Conv"),
            [m.Weight.Shape[2]], [m.Stride], [m.Padding], [m.Dilation], m.Groups),
        MaxPool2d m => MaxPool(cx, m, prefix, input),
        AvgPool2d m => cx.Graph.AveragePool(input, cx.Value(prefix, "AveragePool"), [m.KernelSize, m.KernelSize], [m.Stride, m.Stride], [m.Padding, m.Padding]),
        BatchNorm2d m => BatchNorm(cx, m, prefix, input),
        InstanceNorm2d m => cx.Graph.InstanceNormalization(input,
            m.Weight is null ? cx.Constant(prefix, 1f, m.NumFeatures) : cx.Initializer(prefix + "weight", m.Weight),
            m.Bias is null ? cx.Constant(prefix, 0f, m.NumFeatures) : cx.Initializer(prefix + "bias", m.Bias),
            cx.Value(prefix, "InstanceNormalization"), m.Eps),
        ReLU => cx.Graph.Relu(input, cx.Value(prefix, "Relu")),
        LeakyReLU m => cx.Graph.LeakyRelu(input, cx.Value(prefix, "LeakyRelu"), m.NegativeSlope),
        ELU m => cx.Graph.Elu(input, cx.Value(prefix, "Elu"), m.Alpha),
        Sigmoid => cx.Graph.Sigmoid(input, cx.Value(prefix, "Sigmoid")),
        Tanh => cx.Graph.Tanh(input, cx.Value(prefix, "Tanh")),
        Softmax m => cx.Graph.Softmax(input, cx.Value(prefix, "Softmax"), m.Axis),
        FirstChannelSigmoid => SigmoidOfFirstChannel(cx, prefix, input),
        Flatten => cx.Graph.Flatten(input, cx.Value(prefix, "Flatten")),
        Linear m => cx.Graph.Gemm(input, cx.Initializer(prefix + "weight", m.Weight), Bias(cx, prefix, m.Bias), cx.Value(prefix, "Gemm"), transB: true),
        Upsample m => cx.Graph.Resize(input, cx.Value(prefix, "Resize"), [1f, 1f, m.ScaleFactor, m.ScaleFactor],
            m.Bilinear ? OnnxResizeMode.Linear : OnnxResizeMode.Nearest),
        Dropout or Dropout2d => input,
        Sequential m => Children(cx, m, prefix, input),
        Chain m => Children(cx, m, prefix, input),
        ConvDecoderNetwork m => ConvDecoder(cx, m, prefix, input),
        Pix2PixModel m => Emit(cx, m.Generator, prefix + "generator.", input),
        SequenceModel m => Sequence(cx, m, prefix, input),
        RecurrentModule m => throw Unsupported(m, prefix),
        _ => throw new NotSupportedException($"OnnxExport: {module.GetType().Name} '{Scope(prefix)}' has no ONNX export."),
    };

    private static NotSupportedException Unsupported(Module m, string prefix) =>
        new($"OnnxExport: the {m.GetType().Name} layer '{Scope(prefix)}' cannot be exported to ONNX by Perrin (recurrent layers are not supported); export a model without it or use the safetensors model file.");

    private static string Scope(string prefix) => prefix.Length == 0 ? "(model)" : prefix.TrimEnd('.');

    private static string? Bias(OnnxExportContext cx, string prefix, Tensor? bias) => bias is null ? null : cx.Initializer(prefix + "bias", bias);

    private static string Conv2d(OnnxExportContext cx, Conv2d m, string prefix, string input)
    {
        var y = cx.Graph.Conv(input, cx.Initializer(prefix + "weight", m.Weight), Bias(cx, prefix, m.Bias), cx.Value(prefix, "Conv"),
            [m.KernelSize.H, m.KernelSize.W], [m.Stride.H, m.Stride.W], [m.Padding.H, m.Padding.W], [m.Dilation.H, m.Dilation.W], m.Groups);
        return m.FusedRelu ? cx.Graph.Relu(y, cx.Value(prefix, "Relu")) : y;
    }

    private static string SigmoidOfFirstChannel(OnnxExportContext cx, string prefix, string input)
    {
        var first = cx.Graph.Slice(input, cx.Value(prefix, "Slice"), 1, 0, 1);
        var probability = cx.Graph.Sigmoid(first, cx.Value(prefix, "Sigmoid"));
        var rest = cx.Graph.Slice(input, cx.Value(prefix, "Slice"), 1, 1, long.MaxValue);
        return cx.Graph.Concat([probability, rest], cx.Value(prefix, "Concat"), 1);
    }

    private static string MaxPool(OnnxExportContext cx, MaxPool2d m, string prefix, string input)
    {
        if (m.Dilation != 1)
            throw new NotSupportedException($"OnnxExport: MaxPool2d '{Scope(prefix)}' with dilation {m.Dilation} has no ONNX export in Perrin.");
        return cx.Graph.MaxPool(input, cx.Value(prefix, "MaxPool"), [m.KernelSize, m.KernelSize], [m.Stride, m.Stride], [m.Padding, m.Padding]);
    }

    private static string BatchNorm(OnnxExportContext cx, BatchNorm2d m, string prefix, string input)
    {
        if (m.RunningMean is null || m.RunningVar is null)
            throw new NotSupportedException($"OnnxExport: BatchNorm2d '{Scope(prefix)}' keeps no running statistics, so its inference output depends on the batch; ONNX cannot express that.");
        var c = m.NumFeatures;
        var momentum = 1f - (m.Momentum ?? 0.1f);
        return cx.Graph.BatchNormalization(input,
            m.Weight is null ? cx.Constant(prefix, 1f, c) : cx.Initializer(prefix + "weight", m.Weight),
            m.Bias is null ? cx.Constant(prefix, 0f, c) : cx.Initializer(prefix + "bias", m.Bias),
            cx.Initializer(prefix + "running_mean", m.RunningMean), cx.Initializer(prefix + "running_var", m.RunningVar),
            cx.Value(prefix, "BatchNormalization"), m.Eps, momentum);
    }

    private static string Children(OnnxExportContext cx, Module m, string prefix, string input)
    {
        var x = input;
        foreach (var (name, child) in m.Children()) x = Emit(cx, child, prefix + name + ".", x);
        return x;
    }

    private static string ConvDecoder(OnnxExportContext cx, ConvDecoderNetwork m, string prefix, string input)
    {
        var levels = m.Down.Count;
        var skips = new string[levels];
        var x = input;
        for (var i = 0; i < levels; i++)
        {
            skips[i] = Emit(cx, m.Down[i], $"{prefix}down.{i}.", x);
            x = Emit(cx, m.Pool, prefix + "pool.", skips[i]);
        }
        x = Emit(cx, m.Mid, prefix + "mid.", x);
        for (var j = 0; j < levels; j++)
        {
            x = Emit(cx, m.Up[j], $"{prefix}up.{j}.", x);
            if (m.HasSkips) x = cx.Graph.Concat([x, skips[levels - 1 - j]], cx.Value($"{prefix}dec.{j}.", "Concat"), 1);
            x = Emit(cx, m.Dec[j], $"{prefix}dec.{j}.", x);
        }
        x = Emit(cx, m.Head, prefix + "head.", x);
        return m.Config.OutputActivation switch
        {
            ActivationKind.None => x,
            var kind => Emit(cx, LayerFactory.Activation(kind)!, prefix + "head.", x),
        };
    }

    private static string Sequence(OnnxExportContext cx, SequenceModel m, string prefix, string input)
    {
        if (m.Rnn is not null) throw Unsupported(m.Rnn, prefix + "rnn.");
        var x = input;
        if (m.Conv is not null)
        {
            x = Transpose(cx, prefix + "conv.", x);
            x = Emit(cx, m.Conv, prefix + "conv.", x);
            var mean = cx.Value(prefix + "conv.", "ReduceMean");
            cx.Graph.AddNode("ReduceMean", [x], [mean]).WithInts("axes", 2).WithInt("keepdims", 0);
            x = mean;
        }
        return Emit(cx, m.Head, prefix + "head.", x);
    }

    private static string Transpose(OnnxExportContext cx, string prefix, string input)
    {
        var y = cx.Value(prefix, "Transpose");
        cx.Graph.AddNode("Transpose", [input], [y]).WithInts("perm", 0, 2, 1);
        return y;
    }
}
