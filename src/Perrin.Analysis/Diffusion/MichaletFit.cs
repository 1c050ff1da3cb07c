namespace Perrin.Analysis.Diffusion;

/// <summary>
/// The MSD line fit through Michalet's (Phys. Rev. E 82, 041914, 2010) optimal number of first lags. The number
/// that minimises the relative error of D grows with the reduced localization error x = σ²/(D·Δt), approximately
/// p = ⌊2 + 2.3·x^0.52⌋. Since x is itself estimated from a fit, fit and p are iterated until p repeats.
/// </summary>
public static class MichaletFit
{
    private const int FirstGuess = 4;
    private const int IterationLimit = 50;

    /// <summary>⌊2 + 2.3·x^0.52⌋, at least 2; <see cref="int.MaxValue"/> for an infinite x.</summary>
    public static int OptimalLags(double reducedError)
    {
        if (double.IsNaN(reducedError))
        {
            throw new ArgumentOutOfRangeException(nameof(reducedError), reducedError, "the reduced localization error must be a number");
        }

        if (reducedError <= 0)
        {
            return 2;
        }

        var p = Math.Floor(2 + (2.3 * Math.Pow(reducedError, 0.52)));
        return p >= int.MaxValue ? int.MaxValue : (int)p;
    }

    /// <summary>
    /// Iterates fit and lag count, starting from 4 lags. The count is capped by the curve's maximum lag. A negative
    /// σ² counts as x = 0, a D ≤ 0 as x = ∞.
    /// </summary>
    public static DiffusionFit Fit(MsdCurve curve, double blur = MotionBlur.Continuous)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var cap = curve.MaxLag;
        var lags = Math.Min(FirstGuess, cap);
        var seen = new HashSet<int>();
        var fit = default(DiffusionFit);
        for (var i = 0; i < IterationLimit && seen.Add(lags); i++)
        {
            fit = MsdLineFit.Fit(curve, lags, blur, DiffusionEstimator.Michalet);
            if (double.IsNaN(fit.D))
            {
                return fit;
            }

            var x = fit.D <= 0 ? double.PositiveInfinity : Math.Max(0, fit.LocalizationVariance) / (fit.D * curve.FrameIntervalS);
            lags = Math.Min(OptimalLags(x), cap);
        }

        return fit;
    }
}
