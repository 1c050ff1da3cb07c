namespace Perrin.Nn.Serialization;

/// <summary>A named int64 tensor, such as BatchNorm's num_batches_tracked (shape []).</summary>
public sealed record NamedInt64Array(string Name, int[] Shape, long[] Data);
