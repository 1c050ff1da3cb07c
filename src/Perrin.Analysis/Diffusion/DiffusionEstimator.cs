namespace Perrin.Analysis.Diffusion;

/// <summary>How a diffusion coefficient is estimated from a track or an ensemble.</summary>
public enum DiffusionEstimator
{
    /// <summary>Least-squares line MSD = 2d·D·t + offset through a fixed number of first lags.</summary>
    Ols,

    /// <summary>The same line through Michalet's (2010) optimal number of first lags for the reduced localization error.</summary>
    Michalet,

    /// <summary>Covariance-based estimator of Vestergaard, Blainey and Flyvbjerg (2014).</summary>
    Cve,
}
