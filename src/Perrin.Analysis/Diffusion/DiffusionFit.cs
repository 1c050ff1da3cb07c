namespace Perrin.Analysis.Diffusion;

/// <summary>
/// A diffusion coefficient estimate. NaN values mean the data did not determine them (too few lags or steps).
/// </summary>
/// <param name="D">Diffusion coefficient, µm²/s.</param>
/// <param name="DStdErr">Standard error of <paramref name="D"/>, µm²/s: from the fit residuals for line fits (NaN with
/// two lags), from Vestergaard et al.'s variance formula for the CVE.</param>
/// <param name="LocalizationVariance">Estimated static localization variance σ² per coordinate, µm².</param>
/// <param name="Lags">Lags the line was fitted to (NaN-free lags among 1..Lags); 0 for the CVE.</param>
/// <param name="Points">Number of MSD points (line fits) or single-frame steps (CVE) used.</param>
public readonly record struct DiffusionFit(
    DiffusionEstimator Estimator,
    double D,
    double DStdErr,
    double LocalizationVariance,
    int Lags,
    long Points)
{
    /// <summary>The reduced localization error x = σ²/(D·Δt) of Michalet (2010).</summary>
    public double ReducedLocalizationError(double frameIntervalS) => LocalizationVariance / (D * frameIntervalS);

    internal static DiffusionFit Undetermined(DiffusionEstimator estimator, int lags, long points) =>
        new(estimator, double.NaN, double.NaN, double.NaN, lags, points);
}
