namespace Perrin.Core.Tests.IO.Compression;

/// <summary>The shape all codec Decode methods share, so tests can treat them alike.</summary>
public delegate int SpanDecoder(ReadOnlySpan<byte> source, Span<byte> destination);
