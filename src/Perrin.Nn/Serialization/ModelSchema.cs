namespace Perrin.Nn.Serialization;

/// <summary>
/// What a model built from <see cref="Architecture"/> expects to find in its file: every float32 tensor and every
/// int64 buffer, by name, with its shape.
/// </summary>
public sealed record ModelSchema(string Architecture, IReadOnlyDictionary<string, int[]> Float32Tensors, IReadOnlyDictionary<string, int[]> Int64Tensors)
{
    public ModelSchema(string architecture, IReadOnlyDictionary<string, int[]> float32Tensors)
        : this(architecture, float32Tensors, new Dictionary<string, int[]>())
    {
    }
}
