namespace Perrin.Analysis.Diffusion;

/// <summary>
/// Anomalous exponent from a weighted straight line through log MSD against log t. Pairs at lag n overlap over n
/// steps, so about pairs/n of them are independent; that count is each point's weight, which keeps the long,
/// noisy lags from dominating.
/// </summary>
public static class PowerLawFit
{
    /// <summary>Fits lags <paramref name="firstLag"/>..<paramref name="lastLag"/> that have pairs and a positive MSD.</summary>
    public static AnomalousFit Fit(MsdCurve curve, int firstLag, int lastLag)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (firstLag < 1 || lastLag < firstLag || lastLag > curve.MaxLag)
        {
            throw new ArgumentOutOfRangeException(nameof(lastLag), $"the lag range {firstLag}..{lastLag} must lie within 1..{curve.MaxLag}");
        }

        var count = lastLag - firstLag + 1;
        var logT = new double[count];
        var logMsd = new double[count];
        var weights = new double[count];
        for (var k = 0; k < count; k++)
        {
            var lag = firstLag + k;
            var msd = curve.At(lag);
            logT[k] = Math.Log(curve.LagTime(lag));
            logMsd[k] = msd > 0 ? Math.Log(msd) : double.NaN;
            weights[k] = curve.Pairs[lag - 1] / (double)lag;
        }

        var line = LineFit.Weighted(logT, logMsd, weights);
        var k0 = Math.Exp(line.Intercept) / (2 * curve.Dimension);
        return new AnomalousFit(line.Slope, line.SlopeStdErr, k0, firstLag, lastLag, line.Points);
    }
}
