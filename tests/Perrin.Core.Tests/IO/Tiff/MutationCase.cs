namespace Perrin.Core.Tests.IO.Tiff;

/// <summary>Which valid sample file to damage, and how.</summary>
internal sealed record MutationCase(int Sample, MutationStep[] Steps);
