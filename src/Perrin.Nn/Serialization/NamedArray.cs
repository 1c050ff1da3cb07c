namespace Perrin.Nn.Serialization;

/// <summary>A named float32 tensor: row-major data whose length is the product of <see cref="Shape"/> (1 for shape []).</summary>
public sealed record NamedArray(string Name, int[] Shape, float[] Data);
