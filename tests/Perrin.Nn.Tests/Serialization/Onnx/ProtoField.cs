using Perrin.Nn.Serialization.Onnx;

namespace Perrin.Nn.Tests.Serialization.Onnx;

/// <summary>One decoded field: varints and fixed values in <see cref="Value"/>, length-delimited payloads in <see cref="Bytes"/>.</summary>
internal sealed record ProtoField(int Number, ProtoWireType WireType, ulong Value, byte[] Bytes);
