namespace Perrin.Nn.Serialization;

/// <summary>A model's parameters and buffers by name (float32, plus int64 buffers such as num_batches_tracked) and its metadata.</summary>
public sealed record ModelFileContent(IReadOnlyList<NamedArray> Tensors, IReadOnlyList<NamedInt64Array> Int64Tensors, ModelMetadata Metadata)
{
    public ModelFileContent(IReadOnlyList<NamedArray> tensors, ModelMetadata metadata)
        : this(tensors, [], metadata)
    {
    }
}
