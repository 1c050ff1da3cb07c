namespace Perrin.Analysis.Diffusion;

/// <summary>A power law MSD = 2d·K·t^α fitted to lags <see cref="FirstLag"/>..<see cref="LastLag"/>; NaN when undetermined.</summary>
/// <param name="Alpha">Anomalous exponent: 1 for Brownian motion, below 1 subdiffusive, above superdiffusive (2 ballistic).</param>
/// <param name="K">Generalized diffusion coefficient, µm²/s^α.</param>
/// <param name="Points">MSD points used.</param>
public readonly record struct AnomalousFit(double Alpha, double AlphaStdErr, double K, int FirstLag, int LastLag, int Points);
