namespace Perrin.Analysis.Localizers.Mle;

/// <summary>
/// A maximum-likelihood fit of one ROI. Positions are ROI pixels with (0, 0) at the centre of its first pixel;
/// photons and background are photoelectrons; variances are the Cramér–Rao bounds at the estimate.
/// </summary>
internal readonly record struct MleFitResult(
    double X,
    double Y,
    double Photons,
    double Background,
    double Sigma,
    double VarianceX,
    double VarianceY,
    double LogLikelihoodRatio,
    double ResidualStd,
    int Iterations,
    bool Converged);
