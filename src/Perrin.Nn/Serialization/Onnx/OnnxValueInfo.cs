namespace Perrin.Nn.Serialization.Onnx;

/// <summary>A float32 graph input or output with its (possibly symbolic) shape.</summary>
internal sealed record OnnxValueInfo(string Name, OnnxDim[] Shape);
