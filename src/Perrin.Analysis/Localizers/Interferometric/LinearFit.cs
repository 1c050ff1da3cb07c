namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>A scatterer's least-squares complex amplitude and its window's offset at a fixed position and depth, and the residual sum of squares.</summary>
internal readonly record struct LinearFit(double Real, double Imaginary, double Offset, double Cost);
