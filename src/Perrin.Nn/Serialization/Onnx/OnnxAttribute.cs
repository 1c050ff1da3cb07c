namespace Perrin.Nn.Serialization.Onnx;

/// <summary>A node attribute; only the field matching <see cref="Type"/> is meaningful.</summary>
public sealed record OnnxAttribute(string Name, OnnxAttributeType Type, long Int, float Float, string? Text, long[]? Ints, float[]? Floats);
