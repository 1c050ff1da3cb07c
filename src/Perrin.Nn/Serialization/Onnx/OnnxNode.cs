namespace Perrin.Nn.Serialization.Onnx;

/// <summary>A node of the graph being built; attributes are added with the fluent With* methods.</summary>
public sealed class OnnxNode
{
    private readonly List<OnnxAttribute> _attributes = [];

    internal OnnxNode(string opType, string name, string[] inputs, string[] outputs)
    {
        OpType = opType;
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
    }

    public string OpType { get; }

    public string Name { get; }

    /// <summary>Input value names; "" stands for an omitted optional input.</summary>
    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    public IReadOnlyList<OnnxAttribute> Attributes => _attributes;

    public OnnxNode WithInt(string name, long value) => Add(new(name, OnnxAttributeType.Int, value, 0, null, null, null));

    public OnnxNode WithInts(string name, params long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Add(new(name, OnnxAttributeType.Ints, 0, 0, null, (long[])values.Clone(), null));
    }

    public OnnxNode WithFloat(string name, float value) => Add(new(name, OnnxAttributeType.Float, 0, value, null, null, null));

    public OnnxNode WithFloats(string name, params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Add(new(name, OnnxAttributeType.Floats, 0, 0, null, null, (float[])values.Clone()));
    }

    public OnnxNode WithString(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Add(new(name, OnnxAttributeType.String, 0, 0, value, null, null));
    }

    private OnnxNode Add(OnnxAttribute attribute)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute.Name);
        foreach (var a in _attributes)
        {
            if (a.Name == attribute.Name)
            {
                throw new ArgumentException($"ONNX node '{Name}' ({OpType}): attribute '{attribute.Name}' is set twice", nameof(attribute));
            }
        }

        _attributes.Add(attribute);
        return this;
    }
}
