namespace Perrin.Analysis.Diffusion;

/// <summary>What <see cref="DiffusionAnalysis.Run"/> found.</summary>
/// <param name="Ensemble">Pair-weighted ensemble MSD of the analysed tracks.</param>
/// <param name="EnsembleFit">The chosen estimator on the ensemble: the line fits on <paramref name="Ensemble"/>, the CVE pooled over all steps.</param>
/// <param name="EnsembleAlpha">Power law fitted to <paramref name="Ensemble"/>.</param>
/// <param name="Tracks">Analysed tracks, by particle id.</param>
/// <param name="SkippedSinglePoint">Tracks with one point, which have no displacement.</param>
/// <param name="SkippedShort">Tracks with 2 or more points but fewer than the minimum length.</param>
/// <param name="RowsWithoutParticle">Rows with no track id.</param>
/// <param name="Drift">The drift subtracted, when asked.</param>
public sealed record DiffusionReport(
    DiffusionOptions Options,
    MsdCurve Ensemble,
    DiffusionFit EnsembleFit,
    AnomalousFit EnsembleAlpha,
    IReadOnlyList<TrackDiffusion> Tracks,
    int SkippedSinglePoint,
    int SkippedShort,
    int RowsWithoutParticle,
    DriftEstimate? Drift)
{
    /// <summary>Per-track D values that are finite.</summary>
    public double[] TrackDs() => [.. Tracks.Select(t => t.Fit.D).Where(double.IsFinite)];

    /// <summary>Per-track α values that are finite.</summary>
    public double[] TrackAlphas() => [.. Tracks.Select(t => t.Alpha.Alpha).Where(double.IsFinite)];

    /// <summary>Median of the finite per-track D, µm²/s; NaN when there is none.</summary>
    public double MedianD => Median(TrackDs());

    /// <summary>Median of the finite per-track α; NaN when there is none.</summary>
    public double MedianAlpha => Median(TrackAlphas());

    /// <summary>
    /// Standard error of the ensemble D from the scatter of the per-track values (standard deviation over √count),
    /// which needs no model of the noise; the ensemble fit's own error when fewer than two tracks have a D.
    /// </summary>
    public double EnsembleDStdErr
    {
        get
        {
            var ds = TrackDs();
            if (ds.Length < 2)
            {
                return EnsembleFit.DStdErr;
            }

            var mean = ds.Average();
            var ss = ds.Sum(d => (d - mean) * (d - mean));
            return Math.Sqrt(ss / (ds.Length - 1) / ds.Length);
        }
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
