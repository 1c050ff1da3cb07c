namespace Perrin.Nn.Serialization.Onnx;

/// <summary>A constant tensor of the graph, stored as little-endian raw data of ONNX data type <see cref="DataType"/>.</summary>
internal sealed record OnnxInitializer(string Name, long[] Dims, int DataType, byte[] RawData);
