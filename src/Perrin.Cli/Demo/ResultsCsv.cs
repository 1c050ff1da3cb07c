using System.Globalization;
using System.Text;
using Perrin.Core.IO;
using Perrin.Core.Tables;

namespace Perrin.Cli.Demo;

/// <summary>
/// The demo's numbers as CSV: scores per method and density (results.csv) and D per density (diffusion.csv). A
/// quantity with nothing to average over (an RMSE without matched pairs, D without tracks) is an empty cell.
/// </summary>
internal static class ResultsCsv
{
    public const string ScoresName = "results.csv";
    public const string DiffusionName = "diffusion.csv";

    public static void Write(string folder, DemoResults results)
    {
        var scores = new StringBuilder("density_per_um2,measured_density_per_um2,method,truths,detections,tp,fp,fn,precision,recall,f1,jaccard_percent,rmse_nm,truths_contrast_ge_0.02,recall_contrast_ge_0.02,rmse_nm_contrast_ge_0.02\n");
        foreach (var movie in results.Movies)
        {
            foreach (var method in results.Methods)
            {
                var result = results.Score(method, movie.Density);
                var (s, b) = (result.Scores, result.Bright);
                scores.AppendJoin(',', N(movie.Density), N(movie.MeasuredDensity(results.Scenario.AreaUm2)), method, N(s.TruePositives + s.FalseNegatives),
                    N(s.TruePositives + s.FalsePositives), N(s.TruePositives), N(s.FalsePositives), N(s.FalseNegatives),
                    N(s.Precision), N(s.Recall), N(s.F1), N(s.JaccardPercent), N(s.RmseLateralNm),
                    N(b.Truths), N(b.Recall), N(b.RmseLateralNm)).Append('\n');
            }
        }

        var diffusion = new StringBuilder("density_per_um2,source,tracks,d_um2_per_s,d_stderr_um2_per_s,true_d_um2_per_s\n");
        foreach (var d in results.Diffusion)
        {
            diffusion.AppendJoin(',', N(d.Density), d.Source, N(d.TrackCount), N(d.D), N(d.DStdErr), N(DemoScenario.DiffusionUm2PerS)).Append('\n');
        }

        Save(Path.Combine(folder, ScoresName), scores);
        Save(Path.Combine(folder, DiffusionName), diffusion);
    }

    /// <summary>
    /// The truth and every method's localizations of each movie as ThunderSTORM tables (nm, frames from 1; the
    /// truth's intensity column is the signed peak contrast), for `perrin evaluate`, `track` or `overlay`; returns the names.
    /// </summary>
    public static List<string> WriteTables(string folder, DemoResults results)
    {
        var names = new List<string>();
        foreach (var movie in results.Movies)
        {
            var tag = DemoFigures.Tag(movie.Density);
            names.Add(Table(folder, $"truth-{tag}.csv", movie.Truth, LocalizationColumns.ThunderStorm | LocalizationColumns.Particle));
            foreach (var method in results.Methods)
            {
                names.Add(Table(folder, $"locs-{tag}-{method}.csv", results.Score(method, movie.Density).Localizations, LocalizationColumns.ThunderStorm));
            }
        }

        return names;
    }

    public static string N(double value) => double.IsFinite(value) ? value.ToString("G6", CultureInfo.InvariantCulture) : string.Empty;

    private static string Table(string folder, string name, IReadOnlyList<Localization> rows, LocalizationColumns columns)
    {
        var numbered = rows.Select((row, i) => row with { Id = i + 1 });
        LocalizationTableIO.Write(Path.Combine(folder, name), new LocalizationTable(numbered, columns, DemoScenario.PixelSizeNm), TableFormat.ThunderStorm);
        return name;
    }

    private static void Save(string path, StringBuilder text)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text.ToString());
        AtomicFileWriter.Write(path, stream => stream.Write(bytes));
    }
}
