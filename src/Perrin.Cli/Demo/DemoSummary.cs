using System.Globalization;
using Perrin.Cli.Console;
using Spectre.Console;

namespace Perrin.Cli.Demo;

/// <summary>The demo's results as tables on standard output: scores per method and density, then D per density.</summary>
internal static class DemoSummary
{
    public static void Print(CliConsole console, DemoResults results, string report)
    {
        var scores = new Table().Border(TableBorder.Rounded).Title("localization, per-frame matching within 2 px (46 nm)")
            .AddColumn("density /µm²").AddColumn("method").AddColumn("F1").AddColumn("Jaccard %").AddColumn("RMSE nm")
            .AddColumn("recall, |C| ≥ 0.02").AddColumn("RMSE nm, |C| ≥ 0.02");
        foreach (var movie in results.Movies)
        {
            foreach (var method in results.Methods)
            {
                var result = results.Score(method, movie.Density);
                var (s, b) = (result.Scores, result.Bright);
                scores.AddRow(F(movie.Density, "G4"), Markup.Escape(method), F(s.F1, "F3"), F(s.JaccardPercent, "F1"), F(s.RmseLateralNm, "F1"),
                    F(b.Recall, "F3"), F(b.RmseLateralNm, "F1"));
            }
        }

        var diffusion = new Table().Border(TableBorder.Rounded).Title(string.Create(CultureInfo.InvariantCulture, $"diffusion, true D = {DemoScenario.DiffusionUm2PerS} µm²/s"))
            .AddColumn("density /µm²").AddColumn("tracks from").AddColumn("tracks").AddColumn("D µm²/s").AddColumn("± s.e.");
        foreach (var d in results.Diffusion)
        {
            diffusion.AddRow(F(d.Density, "G4"), d.Source, d.TrackCount.ToString(CultureInfo.InvariantCulture), F(d.D, "F3"), F(d.DStdErr, "F3"));
        }

        console.Ansi.Write(scores);
        console.Ansi.Write(diffusion);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo finished in {results.Elapsed.TotalSeconds:F0} s; report: {report}"));
    }

    private static string F(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";
}
