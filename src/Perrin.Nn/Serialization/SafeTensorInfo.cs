namespace Perrin.Nn.Serialization;

/// <summary>
/// One tensor entry of a safetensors header. <see cref="Begin"/> and <see cref="End"/> are byte offsets relative to
/// the start of the data region; <see cref="FileOffset"/> is where the data starts in the file.
/// </summary>
public sealed record SafeTensorInfo(string Name, SafeTensorsDType DType, int[] Shape, long Begin, long End, long FileOffset)
{
    public long ByteLength => End - Begin;

    public long ElementCount => ByteLength / DType.ElementSize();

    public string ShapeText => ShapeFormat.Of(Shape);
}
