namespace Perrin.Nn.Serialization.Onnx;

/// <summary>The attribute kinds Perrin writes; values are ONNX's AttributeProto.AttributeType numbers.</summary>
public enum OnnxAttributeType
{
    Float = 1,
    Int = 2,
    String = 3,
    Floats = 6,
    Ints = 7,
}
