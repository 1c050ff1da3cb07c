namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>One damage to a file: Kind 0 flips a byte, 1 truncates, 2-3 overwrite a field anywhere, 4-5 overwrite a field of an IFD.</summary>
internal sealed record MutationStep(int Kind, int Position, int Choice);
