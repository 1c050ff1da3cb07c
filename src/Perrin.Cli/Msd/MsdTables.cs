using System.Globalization;
using System.Text;
using Perrin.Analysis.Diffusion;
using Perrin.Core.IO;

namespace Perrin.Cli.Msd;

/// <summary>The CSV files of `perrin msd`: the ensemble MSD and the per-track results. Unknown values are NaN.</summary>
internal static class MsdTables
{
    public const string EnsembleHeader = "lag,lag_time_s,msd_um2,pairs,tracks";

    public const string PerTrackHeader =
        "particle,points,first_frame,last_frame,D_um2_per_s,D_stderr_um2_per_s,sigma2_um2,fit_lags,alpha,alpha_stderr,K_um2_per_s_alpha";

    public static void WriteEnsemble(string path, MsdCurve ensemble) => Write(path, writer =>
    {
        writer.Write(EnsembleHeader + "\n");
        for (var lag = 1; lag <= ensemble.MaxLag; lag++)
        {
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{lag},{N(ensemble.LagTime(lag))},{N(ensemble.At(lag))},{ensemble.Pairs[lag - 1]},{ensemble.Tracks[lag - 1]}\n"));
        }
    });

    public static void WritePerTrack(string path, IReadOnlyList<TrackDiffusion> tracks) => Write(path, writer =>
    {
        writer.Write(PerTrackHeader + "\n");
        foreach (var t in tracks)
        {
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{t.Particle},{t.Points},{t.FirstFrame},{t.LastFrame},{N(t.Fit.D)},{N(t.Fit.DStdErr)},{N(t.Fit.LocalizationVariance)},{t.Fit.Lags},{N(t.Alpha.Alpha)},{N(t.Alpha.AlphaStdErr)},{N(t.Alpha.K)}\n"));
        }
    });

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Write(string path, Action<TextWriter> write)
    {
        using var file = new AtomicFileWriter(path);
        using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            write(writer);
        }

        file.Commit();
    }
}
