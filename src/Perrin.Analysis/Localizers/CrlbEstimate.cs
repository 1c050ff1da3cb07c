namespace Perrin.Analysis.Localizers;

/// <summary>
/// Cramér–Rao lower bounds (variances) of a Gaussian spot's parameters: positions and σ in pixels²,
/// photons and background in photons². <see cref="VarianceSigma"/> is NaN when σ was not a fit parameter.
/// </summary>
public readonly record struct CrlbEstimate(double VarianceX, double VarianceY, double VariancePhotons, double VarianceBackground, double VarianceSigma)
{
    /// <summary>Mean per-axis standard deviation, √((Var x + Var y)/2), in pixels: the "uncertainty" of tables.</summary>
    public double LateralPx => Math.Sqrt(0.5 * (VarianceX + VarianceY));
}
