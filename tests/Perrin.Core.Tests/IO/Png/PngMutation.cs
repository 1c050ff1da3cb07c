namespace Perrin.Core.Tests.IO.Png;

/// <summary>One damage to one of the base files: <see cref="Kind"/> picks the damage, A, B and C its place and value.</summary>
public sealed record PngMutation(int File, int Kind, int A, int B, int C);
