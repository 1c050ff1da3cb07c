using System.Globalization;
using Perrin.Analysis.Evaluation;
using Perrin.Cli.Console;
using Spectre.Console;

namespace Perrin.Cli.Evaluate;

/// <summary>The evaluation as a table for people.</summary>
internal static class EvaluationSummary
{
    public static void Render(CliConsole console, LoadedTable detections, LoadedTable truth, LocalizationEvaluation result)
    {
        var s = result.Overall;
        var o = result.Options;
        var is3D = result.OverallSums.AxialPairs > 0;
        var rows = new List<(string, string)>
        {
            ("Detections", detections.Describe()),
            ("Ground truth", truth.Describe()),
            ("Matching", $"{(o.Rule == MatchingRule.Greedy ? "greedy nearest pairs" : "optimal (most pairs, least distance)")} within {Num(o.LateralToleranceNm)} nm"
                + (o.AxialToleranceNm is { } z ? $" and {Num(z)} nm in z" : string.Empty)),
            ("Frames", result.Frames.Count.ToString(CultureInfo.InvariantCulture)),
            ("True positives", Count(s.TruePositives)),
            ("False positives", Count(s.FalsePositives)),
            ("False negatives", Count(s.FalseNegatives)),
            ("Jaccard (%)", Num(s.JaccardPercent)),
            ("Recall", Num(s.Recall)),
            ("Precision", Num(s.Precision)),
            ("F1", Num(s.F1)),
            ("RMSE lateral (nm)", Num(s.RmseLateralNm)),
            ("RMSE x, y (nm)", $"{Num(s.RmseXNm)}, {Num(s.RmseYNm)}"),
            ("Bias x, y (nm)", $"{Num(s.BiasXNm)}, {Num(s.BiasYNm)}"),
        };
        if (is3D)
        {
            rows.Add(("RMSE axial (nm)", Num(s.RmseAxialNm)));
            rows.Add(("Bias z (nm)", Num(s.BiasZNm)));
            rows.Add(("Efficiency lateral (%)", Num(s.EfficiencyLateral)));
            rows.Add(("Efficiency axial (%)", Num(s.EfficiencyAxial)));
            rows.Add(("Efficiency, mean of both (%)", Num(s.Efficiency)));
        }
        else
        {
            rows.Add(("Efficiency (%)", Num(s.Efficiency)));
        }

        if (o.Crlb is not null)
        {
            rows.Add(("Pairs with a CRLB", Count(s.CrlbPairs)));
            rows.Add(("sqrt(mean CRLB²) per axis (nm)", Num(s.CrlbNm)));
            rows.Add(("RMSE per axis / CRLB", Num(s.RmseOverCrlb)));
        }

        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("field").AddColumn("value");
        foreach (var (label, value) in rows)
            table.AddRow(Markup.Escape(label), Markup.Escape(value));
        console.Ansi.Write(table);
        if (result.ByTruthIntensity.Count == 0)
            return;
        var bins = new Table().Border(TableBorder.Rounded)
            .AddColumn("|truth intensity|")
            .AddColumn(new TableColumn("truths").RightAligned())
            .AddColumn(new TableColumn("found").RightAligned())
            .AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("RMSE lateral (nm)").RightAligned());
        foreach (var b in result.ByTruthIntensity)
        {
            bins.AddRow(Markup.Escape($"{Num(b.Lower)} – {Num(b.Upper)}"), Count(b.Truths), Count(b.Matched),
                Num(Math.Round(b.Recall, 3)), Num(Math.Round(b.RmseLateralNm, 1)));
        }

        console.Ansi.Write(bins);
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => double.IsFinite(value) ? value.ToString("G6", CultureInfo.InvariantCulture) : "—";
}
