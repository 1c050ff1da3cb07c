namespace Perrin.Nn.Ops;

/// <summary>Per-group mean, biased variance and 1/√(variance + eps) of a normalization forward.</summary>
internal sealed record NormStatistics(float[] Mean, float[] Variance, float[] InvStd);
