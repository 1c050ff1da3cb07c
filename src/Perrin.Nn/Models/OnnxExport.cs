using Perrin.Nn.Autograd;
using Perrin.Nn.Layers;
using Perrin.Nn.Serialization.Onnx;
using Perrin.Nn.Tensors;

namespace Perrin.Nn.Models;

/// <summary>
/// Exports a network's inference graph to ONNX (opset 17): graph input "input" and output "output", the batch
/// dimension symbolic ("N"), the weights as initializers under their state-dict names. Batch norm uses its running
/// statistics, dropout disappears, a convolution with fused ReLU becomes Conv + Relu. Recurrent layers (LSTM,
/// GRU) have no export: a network containing one throws <see cref="NotSupportedException"/> naming the layer.
/// </summary>
public static class OnnxExport
{
    /// <summary>Writes the graph of <paramref name="model"/> for inputs of <paramref name="inputShape"/> (batch first) atomically.</summary>
    public static void Save(string path, Module model, int[] inputShape, ModelConfig? config = null) =>
        Build(model, inputShape, config).Save(path);

    /// <summary>
    /// The graph of <paramref name="model"/> for inputs of <paramref name="inputShape"/>; the model is run once in
    /// eval mode on zeros to check the shape and find the output's (its training flags are restored afterwards).
    /// With <paramref name="config"/> the architecture JSON goes into the model's metadata.
    /// </summary>
    public static OnnxGraphBuilder Build(Module model, int[] inputShape, ModelConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length < 2)
            throw new ArgumentException($"OnnxExport: input shape {ShapeText.Format(inputShape)} needs a batch axis and at least one more.", nameof(inputShape));
        foreach (var d in inputShape)
            if (d < 1) throw new ArgumentException($"OnnxExport: input shape {ShapeText.Format(inputShape)} must be positive.", nameof(inputShape));
        var graph = new OnnxGraphBuilder(model.GetType().Name);
        if (config is not null) graph.AddMetadata(Serialization.ModelFile.ArchitectureKey, config.ToJson());
        var outputShape = OutputShape(model, inputShape);
        graph.AddInput("input", Dims(inputShape));
        var context = new OnnxExportContext(graph);
        var last = OnnxModuleExporter.Emit(context, model, "", "input");
        graph.AddNode("Identity", [last], ["output"]);
        graph.AddOutput("output", Dims(outputShape));
        return graph;
    }

    private static OnnxDim[] Dims(int[] shape)
    {
        var dims = new OnnxDim[shape.Length];
        dims[0] = OnnxDim.Symbolic("N");
        for (var i = 1; i < shape.Length; i++) dims[i] = OnnxDim.Fixed(shape[i]);
        return dims;
    }

    private static int[] OutputShape(Module model, int[] inputShape)
    {
        var flags = new List<(Module Module, bool Training)>();
        Collect(model, flags);
        model.Eval();
        try
        {
            using var scope = GradMode.NoGrad();
            using var x = Tensor.Zeros(inputShape);
            using var y = model.Forward(x);
            return y.ShapeArray();
        }
        finally
        {
            // Train() recurses, so restoring parents before their children (the order collected) leaves each
            // module with its own flag.
            foreach (var (m, training) in flags) m.Train(training);
        }
    }

    private static void Collect(Module module, List<(Module, bool)> flags)
    {
        flags.Add((module, module.IsTraining));
        foreach (var (_, child) in module.Children()) Collect(child, flags);
    }
}
