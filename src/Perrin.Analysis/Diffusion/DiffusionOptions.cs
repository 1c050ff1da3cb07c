namespace Perrin.Analysis.Diffusion;

/// <summary>Settings of <see cref="DiffusionAnalysis"/>.</summary>
/// <param name="FrameIntervalS">Time between frames, seconds.</param>
/// <param name="MaxLag">Longest lag of the MSD curves, frames (trackpy's max_lagtime; default 100).</param>
/// <param name="MinLength">Tracks with fewer points are skipped (at least 2).</param>
/// <param name="FitLags">Lags of the <see cref="DiffusionEstimator.Ols"/> line.</param>
/// <param name="AlphaLags">Lags 1..AlphaLags of the power-law fit.</param>
/// <param name="Dimension">1 (x), 2 (x, y) or 3 (x, y, z).</param>
/// <param name="Blur">Motion-blur coefficient R; see <see cref="MotionBlur"/>.</param>
/// <param name="SubtractDrift">Estimate the ensemble drift and subtract it first.</param>
/// <param name="DriftSmoothing">Trailing-mean window of the drift, frames (0: none).</param>
public sealed record DiffusionOptions(
    double FrameIntervalS,
    int MaxLag = 100,
    int MinLength = 10,
    DiffusionEstimator Estimator = DiffusionEstimator.Ols,
    int FitLags = 4,
    int AlphaLags = 10,
    int Dimension = 2,
    double Blur = MotionBlur.Continuous,
    bool SubtractDrift = false,
    int DriftSmoothing = 0)
{
    /// <exception cref="ArgumentOutOfRangeException">A setting outside its range; the message names it.</exception>
    public void Validate()
    {
        Msd.Validate(MaxLag, FrameIntervalS, Dimension);
        MotionBlur.Validate(Blur);
        if (MinLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinLength), MinLength, "the minimum track length must be at least 2 points");
        }

        if (FitLags < 2 || FitLags > MaxLag)
        {
            throw new ArgumentOutOfRangeException(nameof(FitLags), FitLags, $"a line needs 2 to MaxLag ({MaxLag}) lags");
        }

        if (AlphaLags < 2 || AlphaLags > MaxLag)
        {
            throw new ArgumentOutOfRangeException(nameof(AlphaLags), AlphaLags, $"the power-law fit needs 2 to MaxLag ({MaxLag}) lags");
        }

        if (!Enum.IsDefined(Estimator))
        {
            throw new ArgumentOutOfRangeException(nameof(Estimator), Estimator, "unknown estimator");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(DriftSmoothing);
    }
}
