using Perrin.Nn.Serialization.Onnx;

namespace Perrin.Nn.Models;

/// <summary>The graph being built, with unique value names and initializers named after the state-dict entries.</summary>
internal sealed class OnnxExportContext(OnnxGraphBuilder graph)
{
    private int _constants;

    public OnnxGraphBuilder Graph { get; } = graph;

    /// <summary>A value name not used yet, "{scope}/{op}" when free.</summary>
    public string Value(string prefix, string op)
    {
        var scope = prefix.TrimEnd('.');
        var name = scope.Length == 0 ? op : scope + "/" + op;
        var candidate = name;
        for (var k = 1; Graph.IsDefined(candidate); k++) candidate = name + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return candidate;
    }

    /// <summary>Adds a tensor as an initializer under its state-dict name.</summary>
    public string Initializer(string name, Tensor tensor)
    {
        Graph.AddInitializer(name, tensor.ShapeArray(), tensor.Span);
        return name;
    }

    /// <summary>A constant vector (e.g. the unit scale of a normalization without affine parameters).</summary>
    public string Constant(string prefix, float value, int length)
    {
        var name = Value(prefix, "const" + (_constants++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var data = new float[length];
        Array.Fill(data, value);
        Graph.AddInitializer(name, [length], data);
        return name;
    }
}
