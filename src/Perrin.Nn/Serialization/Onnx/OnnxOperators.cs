namespace Perrin.Nn.Serialization.Onnx;

/// <summary>
/// The opset-17 operators Perrin's layers export to, with attributes written the way PyTorch's exporter writes
/// them. Spatial arguments are per axis (e.g. [kh, kw]); symmetric padding [ph, pw] becomes ONNX pads
/// [ph, pw, ph, pw]. Each helper returns the name of its output.
/// </summary>
public static class OnnxOperators
{
    public static string Conv(this OnnxGraphBuilder graph, string input, string weight, string? bias, string output,
        int[] kernel, int[]? strides = null, int[]? padding = null, int[]? dilations = null, int group = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var axes = Axes("Conv", kernel, strides, padding, dilations);
        graph.AddNode("Conv", bias is null ? [input, weight] : [input, weight, bias], [output])
            .WithInts("dilations", Longs(dilations, axes, 1))
            .WithInt("group", group)
            .WithInts("kernel_shape", Longs(kernel, axes, 0))
            .WithInts("pads", Pads(padding, axes))
            .WithInts("strides", Longs(strides, axes, 1));
        return output;
    }

    public static string ConvTranspose(this OnnxGraphBuilder graph, string input, string weight, string? bias, string output,
        int[] kernel, int[]? strides = null, int[]? padding = null, int[]? outputPadding = null, int[]? dilations = null, int group = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var axes = Axes("ConvTranspose", kernel, strides, padding, dilations, outputPadding);
        graph.AddNode("ConvTranspose", bias is null ? [input, weight] : [input, weight, bias], [output])
            .WithInts("dilations", Longs(dilations, axes, 1))
            .WithInt("group", group)
            .WithInts("kernel_shape", Longs(kernel, axes, 0))
            .WithInts("output_padding", Longs(outputPadding, axes, 0))
            .WithInts("pads", Pads(padding, axes))
            .WithInts("strides", Longs(strides, axes, 1));
        return output;
    }

    public static string MaxPool(this OnnxGraphBuilder graph, string input, string output,
        int[] kernel, int[]? strides = null, int[]? padding = null, bool ceilMode = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var axes = Axes("MaxPool", kernel, strides, padding);
        graph.AddNode("MaxPool", [input], [output])
            .WithInt("ceil_mode", ceilMode ? 1 : 0)
            .WithInts("kernel_shape", Longs(kernel, axes, 0))
            .WithInts("pads", Pads(padding, axes))
            .WithInts("strides", Longs(strides ?? kernel, axes, 1));
        return output;
    }

    /// <summary>Average pooling; <paramref name="countIncludePad"/> defaults to PyTorch's choice (true), not ONNX's.</summary>
    public static string AveragePool(this OnnxGraphBuilder graph, string input, string output,
        int[] kernel, int[]? strides = null, int[]? padding = null, bool countIncludePad = true, bool ceilMode = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var axes = Axes("AveragePool", kernel, strides, padding);
        graph.AddNode("AveragePool", [input], [output])
            .WithInt("ceil_mode", ceilMode ? 1 : 0)
            .WithInt("count_include_pad", countIncludePad ? 1 : 0)
            .WithInts("kernel_shape", Longs(kernel, axes, 0))
            .WithInts("pads", Pads(padding, axes))
            .WithInts("strides", Longs(strides ?? kernel, axes, 1));
        return output;
    }

    /// <summary>Inference-mode batch normalization; <paramref name="momentum"/> is ONNX's (1 − PyTorch's momentum).</summary>
    public static string BatchNormalization(this OnnxGraphBuilder graph, string input, string scale, string bias,
        string runningMean, string runningVariance, string output, float epsilon = 1e-5f, float momentum = 0.9f)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.AddNode("BatchNormalization", [input, scale, bias, runningMean, runningVariance], [output])
            .WithFloat("epsilon", epsilon)
            .WithFloat("momentum", momentum);
        return output;
    }

    public static string InstanceNormalization(this OnnxGraphBuilder graph, string input, string scale, string bias,
        string output, float epsilon = 1e-5f)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.AddNode("InstanceNormalization", [input, scale, bias], [output]).WithFloat("epsilon", epsilon);
        return output;
    }

    public static string Relu(this OnnxGraphBuilder graph, string input, string output) => Unary(graph, "Relu", input, output);

    public static string Sigmoid(this OnnxGraphBuilder graph, string input, string output) => Unary(graph, "Sigmoid", input, output);

    public static string Tanh(this OnnxGraphBuilder graph, string input, string output) => Unary(graph, "Tanh", input, output);

    public static string LeakyRelu(this OnnxGraphBuilder graph, string input, string output, float alpha = 0.01f)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.AddNode("LeakyRelu", [input], [output]).WithFloat("alpha", alpha);
        return output;
    }

    public static string Elu(this OnnxGraphBuilder graph, string input, string output, float alpha = 1f)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.AddNode("Elu", [input], [output]).WithFloat("alpha", alpha);
        return output;
    }

    public static string Softmax(this OnnxGraphBuilder graph, string input, string output, int axis)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.AddNode("Softmax", [input], [output]).WithInt("axis", axis);
        return output;
    }

    /// <summary>
    /// Elements [<paramref name="start"/>, <paramref name="end"/>) along <paramref name="axis"/> (an end past the
    /// axis stops at its length), with starts, ends and axes stored as int64 initializers "{output}.starts" etc.
    /// </summary>
    public static string Slice(this OnnxGraphBuilder graph, string input, string output, long axis, long start, long end)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.AddInitializer(output + ".starts", [1], [start]);
        graph.AddInitializer(output + ".ends", [1], [end]);
        graph.AddInitializer(output + ".axes", [1], [axis]);
        graph.AddNode("Slice", [input, output + ".starts", output + ".ends", output + ".axes"], [output]);
        return output;
    }

    public static string Concat(this OnnxGraphBuilder graph, IReadOnlyList<string> inputs, string output, int axis)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("ONNX Concat needs at least one input", nameof(inputs));
        }

        graph.AddNode("Concat", inputs, [output]).WithInt("axis", axis);
        return output;
    }

    /// <summary>Y = alpha·op(A)·op(B) + beta·C; a PyTorch Linear layer is Gemm with <paramref name="transB"/> = true.</summary>
    public static string Gemm(this OnnxGraphBuilder graph, string a, string b, string? c, string output,
        float alpha = 1f, float beta = 1f, bool transA = false, bool transB = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.AddNode("Gemm", c is null ? [a, b] : [a, b, c], [output])
            .WithFloat("alpha", alpha)
            .WithFloat("beta", beta)
            .WithInt("transA", transA ? 1 : 0)
            .WithInt("transB", transB ? 1 : 0);
        return output;
    }

    public static string MatMul(this OnnxGraphBuilder graph, string a, string b, string output) => Binary(graph, "MatMul", a, b, output);

    public static string Add(this OnnxGraphBuilder graph, string a, string b, string output) => Binary(graph, "Add", a, b, output);

    public static string Mul(this OnnxGraphBuilder graph, string a, string b, string output) => Binary(graph, "Mul", a, b, output);

    public static string Flatten(this OnnxGraphBuilder graph, string input, string output, int axis = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.AddNode("Flatten", [input], [output]).WithInt("axis", axis);
        return output;
    }

    /// <summary>Reshape to <paramref name="shape"/> (0 copies a dimension, −1 is inferred), stored as an int64 initializer "{output}.shape".</summary>
    public static string Reshape(this OnnxGraphBuilder graph, string input, string output, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(shape);
        var shapeName = output + ".shape";
        graph.AddInitializer(shapeName, [shape.Length], shape);
        graph.AddNode("Reshape", [input, shapeName], [output]);
        return output;
    }

    /// <summary>
    /// Resize by per-axis <paramref name="scales"/> (for NCHW: [1, 1, sh, sw]), stored as a float initializer
    /// "{output}.scales"; the roi input is omitted.
    /// </summary>
    public static string Resize(this OnnxGraphBuilder graph, string input, string output, float[] scales, OnnxResizeMode mode)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(scales);
        foreach (var s in scales)
        {
            if (!(s > 0f) || float.IsInfinity(s))
            {
                throw new ArgumentException($"ONNX Resize '{output}': scales must be positive and finite, got [{string.Join(",", scales)}]", nameof(scales));
            }
        }

        var scalesName = output + ".scales";
        graph.AddInitializer(scalesName, [scales.Length], scales);
        var node = graph.AddNode("Resize", [input, "", scalesName], [output])
            .WithString("coordinate_transformation_mode", mode switch
            {
                OnnxResizeMode.Nearest => "asymmetric",
                OnnxResizeMode.Linear => "half_pixel",
                _ => "align_corners",
            })
            .WithFloat("cubic_coeff_a", -0.75f)
            .WithString("mode", mode == OnnxResizeMode.Nearest ? "nearest" : "linear");
        if (mode == OnnxResizeMode.Nearest)
        {
            node.WithString("nearest_mode", "floor");
        }

        return output;
    }

    private static string Unary(OnnxGraphBuilder graph, string op, string input, string output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.AddNode(op, [input], [output]);
        return output;
    }

    private static string Binary(OnnxGraphBuilder graph, string op, string a, string b, string output)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.AddNode(op, [a, b], [output]);
        return output;
    }

    private static int Axes(string op, int[] kernel, params int[]?[] others)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        if (kernel.Length == 0)
        {
            throw new ArgumentException($"ONNX {op}: kernel must have at least one spatial axis", nameof(kernel));
        }

        foreach (var other in others)
        {
            if (other is not null && other.Length != kernel.Length)
            {
                throw new ArgumentException(
                    $"ONNX {op}: kernel {ShapeFormat.Of(kernel)} has {kernel.Length} spatial axes but another argument has {other.Length}: {ShapeFormat.Of(other)}",
                    nameof(others));
            }
        }

        return kernel.Length;
    }

    private static long[] Longs(int[]? values, int axes, long fallback)
    {
        var result = new long[axes];
        for (var i = 0; i < axes; i++) result[i] = values is null ? fallback : values[i];
        return result;
    }

    private static long[] Pads(int[]? padding, int axes)
    {
        var pads = new long[2 * axes];
        for (var i = 0; i < axes; i++)
        {
            pads[i] = pads[axes + i] = padding is null ? 0 : padding[i];
        }

        return pads;
    }
}
