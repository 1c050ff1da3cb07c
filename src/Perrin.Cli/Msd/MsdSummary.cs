using Perrin.Analysis.Diffusion;
using Perrin.Cli.Console;

namespace Perrin.Cli.Msd;

/// <summary>The console summary of `perrin msd`.</summary>
internal static class MsdSummary
{
    public static FactSheet Of(MsdRequest request, DiffusionReport report)
    {
        var fit = report.EnsembleFit;
        var sigma2 = fit.LocalizationVariance;
        var sheet = new FactSheet()
            .Add("file", "File", request.Input)
            .Add("tracks", "Tracks analysed", report.Tracks.Count)
            .Add("skipped_single_point", "Skipped: single point", report.SkippedSinglePoint)
            .Add("skipped_short", $"Skipped: fewer than {report.Options.MinLength} points", report.SkippedShort)
            .Add("rows_without_particle", "Rows without a track id", report.RowsWithoutParticle)
            .Add("estimator", "Estimator", Describe(fit))
            .Add("D_um2_per_s", "Ensemble D (µm²/s)", fit.D)
            .Add("D_stderr_um2_per_s", "± standard error (track scatter)", report.EnsembleDStdErr)
            .Add("median_D_um2_per_s", "Median track D (µm²/s)", report.MedianD)
            .Add("localization_error_nm", "Localization error σ (nm)", sigma2 >= 0 ? Math.Sqrt(sigma2) * 1000 : double.NaN)
            .Add("alpha", $"Ensemble α (lags 1–{report.EnsembleAlpha.LastLag})", report.EnsembleAlpha.Alpha)
            .Add("alpha_stderr", "± standard error", report.EnsembleAlpha.AlphaStdErr)
            .Add("median_alpha", "Median track α", report.MedianAlpha);
        if (report.Drift is { } drift && drift.Frames.Length > 0)
        {
            sheet.Add("drift_x_nm", "Drift subtracted, x (nm, total)", drift.X[^1])
                .Add("drift_y_nm", "Drift subtracted, y (nm, total)", drift.Y[^1]);
        }

        return sheet;
    }

    private static string Describe(DiffusionFit fit) => fit.Estimator switch
    {
        DiffusionEstimator.Cve => "CVE (Vestergaard et al. 2014)",
        DiffusionEstimator.Michalet => $"line on {fit.Lags} lags (Michalet 2010 optimum)",
        _ => $"line on {fit.Lags} lags",
    };
}
