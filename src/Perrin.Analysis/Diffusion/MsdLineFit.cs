namespace Perrin.Analysis.Diffusion;

/// <summary>
/// Diffusion coefficients from straight lines through the first lags of an MSD curve. For Brownian motion with
/// static localization error σ (per coordinate) and motion-blur coefficient R, the expected MSD is
/// 2d·D·t + 2d(σ² − 2R·D·Δt) (Michalet 2010; Berglund 2010), so the slope gives D and the offset gives σ².
/// </summary>
public static class MsdLineFit
{
    /// <summary>Unweighted least-squares line MSD = 2d·D·t + offset through the lags 1..<paramref name="lags"/> that have pairs.</summary>
    /// <param name="blur">Motion-blur coefficient R (see <see cref="MotionBlur"/>); it affects σ² only.</param>
    public static DiffusionFit Fit(MsdCurve curve, int lags, double blur = MotionBlur.Continuous) =>
        Fit(curve, lags, blur, DiffusionEstimator.Ols);

    /// <summary>
    /// The naive line MSD = 2d·D·t through the origin on lags 1..<paramref name="lags"/>. Localization error adds
    /// 2d·σ² to every lag, which this line folds into its slope: it overestimates D by a relative
    /// x·Σn/Σn² (x = σ²/(DΔt), no blur). Kept to show that bias; use <see cref="Fit(MsdCurve, int, double)"/>.
    /// </summary>
    public static DiffusionFit FitThroughOrigin(MsdCurve curve, int lags)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var (t, msd) = Points(curve, lags);
        var line = LineFit.ThroughOrigin(t, msd);
        var scale = 1.0 / (2 * curve.Dimension);
        return new DiffusionFit(DiffusionEstimator.Ols, line.Slope * scale, line.SlopeStdErr * scale, 0, t.Length, line.Points);
    }

    internal static DiffusionFit Fit(MsdCurve curve, int lags, double blur, DiffusionEstimator label)
    {
        ArgumentNullException.ThrowIfNull(curve);
        MotionBlur.Validate(blur);
        var (t, msd) = Points(curve, lags);
        var weights = new double[t.Length];
        Array.Fill(weights, 1.0);
        var line = LineFit.Weighted(t, msd, weights);
        if (double.IsNaN(line.Slope))
        {
            return DiffusionFit.Undetermined(label, t.Length, line.Points);
        }

        var twoD = 2.0 * curve.Dimension;
        var d = line.Slope / twoD;
        var sigma2 = (line.Intercept / twoD) + (2 * blur * d * curve.FrameIntervalS);
        return new DiffusionFit(label, d, line.SlopeStdErr / twoD, sigma2, t.Length, line.Points);
    }

    private static (double[] T, double[] Msd) Points(MsdCurve curve, int lags)
    {
        if (lags < 1 || lags > curve.MaxLag)
        {
            throw new ArgumentOutOfRangeException(nameof(lags), lags, $"the number of fitted lags must be 1 to the curve's {curve.MaxLag}");
        }

        var t = new double[lags];
        var msd = new double[lags];
        for (var n = 1; n <= lags; n++)
        {
            t[n - 1] = curve.LagTime(n);
            msd[n - 1] = curve.Pairs[n - 1] > 0 ? curve.At(n) : double.NaN;
        }

        return (t, msd);
    }
}
