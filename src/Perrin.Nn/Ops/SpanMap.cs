namespace Perrin.Nn.Ops;

/// <summary>An elementwise function from a source span into a destination span of the same length.</summary>
internal delegate void SpanMap(ReadOnlySpan<float> source, Span<float> destination);
