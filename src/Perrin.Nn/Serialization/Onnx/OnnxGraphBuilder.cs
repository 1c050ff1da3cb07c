using System.Runtime.InteropServices;
using Perrin.Core.IO;

namespace Perrin.Nn.Serialization.Onnx;

/// <summary>
/// Builds an ONNX inference model (IR version 8, default-domain opset 17) from graph inputs and outputs,
/// initializers and nodes, and writes it as protobuf. Values must be defined (as an input, an initializer or an
/// earlier node's output) before a node uses them, so the node list is topologically sorted by construction and a
/// wrong wiring is reported at the call that made it. Operator helpers live in <see cref="OnnxOperators"/>.
/// </summary>
public sealed class OnnxGraphBuilder
{
    public const long IrVersion = 8;
    public const long OpsetVersion = 17;
    public const string ProducerName = "perrin";

    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];
    private readonly List<OnnxInitializer> _initializers = [];
    private readonly List<OnnxNode> _nodes = [];
    private readonly SortedDictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeNames = new(StringComparer.Ordinal);

    public OnnxGraphBuilder(string graphName)
    {
        ArgumentException.ThrowIfNullOrEmpty(graphName);
        GraphName = graphName;
    }

    public string GraphName { get; }

    public IReadOnlyList<OnnxNode> Nodes => _nodes;

    /// <summary>True when <paramref name="name"/> is already a graph input, an initializer or a node output.</summary>
    public bool IsDefined(string name) => _values.Contains(name);

    /// <summary>A float32 graph input; use a symbol such as "N" for a free batch dimension.</summary>
    public void AddInput(string name, params OnnxDim[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Define(name, "graph input");
        _inputs.Add(new OnnxValueInfo(name, (OnnxDim[])shape.Clone()));
    }

    /// <summary>A float32 graph output; it must be produced by the time the model is written.</summary>
    public void AddOutput(string name, params OnnxDim[] shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        foreach (var o in _outputs)
        {
            if (o.Name == name)
            {
                throw new ArgumentException($"ONNX graph '{GraphName}': output '{name}' is declared twice", nameof(name));
            }
        }

        _outputs.Add(new OnnxValueInfo(name, (OnnxDim[])shape.Clone()));
    }

    public void AddInitializer(string name, int[] shape, ReadOnlySpan<float> data)
    {
        var dims = CheckInitializer(name, shape, data.Length);
        var raw = new byte[4 * data.Length];
        var bits = MemoryMarshal.Cast<float, int>(data);
        for (var i = 0; i < bits.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(4 * i), bits[i]);
        }

        _initializers.Add(new OnnxInitializer(name, dims, OnnxField.DataTypeFloat, raw));
    }

    public void AddInitializer(string name, int[] shape, ReadOnlySpan<long> data)
    {
        var dims = CheckInitializer(name, shape, data.Length);
        var raw = new byte[8 * data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(8 * i), data[i]);
        }

        _initializers.Add(new OnnxInitializer(name, dims, OnnxField.DataTypeInt64, raw));
    }

    /// <summary>A ModelProto.metadata_props entry (e.g. the architecture or the input normalization).</summary>
    public void AddMetadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_metadata.TryAdd(key, value))
        {
            throw new ArgumentException($"ONNX graph '{GraphName}': metadata key '{key}' is given twice", nameof(key));
        }
    }

    /// <summary>
    /// Adds a node of the default domain. Every non-empty input must already be defined; "" marks an omitted optional
    /// input. Outputs must be new names. Without <paramref name="name"/> the node is named "{opType}_{index}".
    /// </summary>
    public OnnxNode AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        name ??= $"{opType}_{_nodes.Count}";
        if (outputs.Count == 0)
        {
            throw new ArgumentException($"ONNX node '{name}' ({opType}) has no output", nameof(outputs));
        }

        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
            if (input.Length > 0 && !_values.Contains(input))
            {
                throw new InvalidOperationException(
                    $"ONNX node '{name}' ({opType}): input '{input}' is not defined; add it as a graph input, an initializer or an earlier node's output first");
            }
        }

        if (!_nodeNames.Add(name))
        {
            throw new ArgumentException($"ONNX graph '{GraphName}': node name '{name}' is used twice", nameof(name));
        }

        foreach (var output in outputs)
        {
            Define(output, $"output of node '{name}' ({opType})");
        }

        var node = new OnnxNode(opType, name, [.. inputs], [.. outputs]);
        _nodes.Add(node);
        return node;
    }

    /// <summary>The serialized ModelProto.</summary>
    public byte[] ToBytes()
    {
        foreach (var output in _outputs)
        {
            if (!_values.Contains(output.Name))
            {
                throw new InvalidOperationException($"ONNX graph '{GraphName}': output '{output.Name}' is not produced by any node");
            }
        }

        return OnnxEncoder.Model(GraphName, _inputs, _outputs, _initializers, _nodes, _metadata).ToArray();
    }

    /// <summary>Writes the model through <see cref="AtomicFileWriter"/>.</summary>
    public void Save(string path)
    {
        var bytes = ToBytes();
        AtomicFileWriter.Write(path, stream => stream.Write(bytes));
    }

    private long[] CheckInitializer(string name, int[] shape, int length)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var count = ShapeFormat.ElementCount(shape);
        if (count != length)
        {
            throw new ArgumentException($"ONNX initializer '{name}': shape {ShapeFormat.Of(shape)} does not match its {length} values", nameof(shape));
        }

        Define(name, "initializer");
        var dims = new long[shape.Length];
        for (var i = 0; i < shape.Length; i++) dims[i] = shape[i];
        return dims;
    }

    private void Define(string name, string role)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_values.Add(name))
        {
            throw new ArgumentException($"ONNX graph '{GraphName}': the {role} '{name}' reuses a name that is already defined", nameof(name));
        }
    }
}
