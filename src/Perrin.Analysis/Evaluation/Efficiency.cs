namespace Perrin.Analysis.Evaluation;

/// <summary>
/// The efficiency of the SMLM Challenge 2016 (Sage et al., Nature Methods 16, 387 (2019)), which folds detection
/// and accuracy into one number: E = 100 − sqrt((100 − JI)² + (α·RMSE)²), with JI in percent and RMSE in nm. A
/// perfect result scores 100; it can fall below zero.
/// </summary>
public static class Efficiency
{
    /// <summary>α for the lateral RMSE: 1 nm of error costs as much as 1 % of Jaccard.</summary>
    public const double LateralAlpha = 1.0;

    /// <summary>α for the axial RMSE: axial errors count half.</summary>
    public const double AxialAlpha = 0.5;

    public static double Of(double jaccardPercent, double rmseNm, double alpha)
    {
        var missed = 100 - jaccardPercent;
        var error = alpha * rmseNm;
        return 100 - Math.Sqrt((missed * missed) + (error * error));
    }

    /// <summary>The challenge's score for 3D data: the mean of the lateral and the axial efficiency.</summary>
    public static double Combined(double lateral, double axial) => 0.5 * (lateral + axial);
}
