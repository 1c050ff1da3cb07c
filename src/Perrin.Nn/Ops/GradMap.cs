namespace Perrin.Nn.Ops;

/// <summary>The backward of an elementwise function: from the output gradient, input and output to the input gradient.</summary>
internal delegate void GradMap(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, ReadOnlySpan<float> output, Span<float> gradInput);
