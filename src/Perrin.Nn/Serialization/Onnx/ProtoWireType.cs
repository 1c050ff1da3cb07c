namespace Perrin.Nn.Serialization.Onnx;

/// <summary>Protocol buffers wire types (the low 3 bits of a field tag).</summary>
public enum ProtoWireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}
