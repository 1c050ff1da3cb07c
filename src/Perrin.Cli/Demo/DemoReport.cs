using System.Globalization;
using System.Net;
using System.Text;
using Perrin.Analysis.Plots;
using Perrin.Core.IO;

namespace Perrin.Cli.Demo;

/// <summary>
/// Writes demo-report/index.html, a self-contained page (styles inline, no scripts, nothing fetched) with its
/// pictures, recipes and tables as files beside it.
/// </summary>
internal static class DemoReport
{
    public const string IndexName = "index.html";

    public static string Write(string folder, DemoResults results)
    {
        Directory.CreateDirectory(folder);
        var figures = new DemoFigures(folder, results);
        ResultsCsv.Write(folder, results);
        var html = new StringBuilder();
        Head(html, results);
        Simulated(html, results, folder);
        Methods(html, results);
        Scores(html, results, figures, folder);
        Frames(html, results, figures);
        Training(html, results, figures);
        Diffusion(html, results, figures);
        html.Append("</body>\n</html>\n");
        var path = Path.Combine(folder, IndexName);
        var bytes = new UTF8Encoding(false).GetBytes(html.ToString());
        AtomicFileWriter.Write(path, stream => stream.Write(bytes));
        return path;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static void Head(StringBuilder html, DemoResults r)
    {
        var s = r.Settings;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>perrin demo: dense iSCAT localization and tracking</title>\n<style>\n")
            .Append("body { font-family: Helvetica, Arial, sans-serif; max-width: 1200px; margin: 2em auto; padding: 0 1em; color: #222; }\n")
            .Append("table { border-collapse: collapse; margin: 1em 0; } td, th { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }\n")
            .Append("th { background: #f3f3f3; } td.l, th.l { text-align: left; } figure { display: inline-block; margin: 0.5em; vertical-align: top; }\n")
            .Append("figcaption { font-size: 0.85em; text-align: center; } img { border: 1px solid #ddd; max-width: 100%; } pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; }\n")
            .Append("</style>\n</head>\n<body>\n<h1>perrin demo: dense iSCAT localization and tracking</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>Held-out iSCAT movies of diffusing nanoparticles at {E(string.Join(", ", r.Movies.Select(m => m.Density.ToString("G4", CultureInfo.InvariantCulture))))} particles/µm², localized by a network{(r.Methods.Contains(DemoResults.Refined) ? " (alone and refined by the joint iPSF fit)" : string.Empty)} and by three classical methods on the same frames, scored against the truth, tracked and analysed for D. ")
            .Append(CultureInfo.InvariantCulture, $"Network: {E(r.Model.Provenance)}. Seed {s.Seed}, {s.Threads} thread{(s.Threads == 1 ? string.Empty : "s")}, {r.Elapsed.TotalSeconds:F0} s in all.</p>\n");
    }

    private static void Simulated(StringBuilder html, DemoResults r, string folder)
    {
        var sc = r.Scenario;
        var c = CultureInfo.InvariantCulture;
        html.Append("<h2>What was simulated</h2>\n<table>\n");
        Row(html, "microscope", $"iSCAT, λ = {DemoScenario.WavelengthNm} nm, NA {DemoScenario.Na} oil objective (n = {DemoScenario.MediumIndex}), field PSF from the pupil (in focus), {DemoScenario.PixelSizeNm} nm pixels");
        Row(html, "reference", string.Create(c, $"{DemoScenario.ReferencePhotons:G3} photons per pixel (the geometric middle of the iscat-dense recipe's 10⁴–10⁵), shot noise (Poisson), an ideal camera"));
        Row(html, "coverslip", $"static speckle from a rough glass–water interface (n {DemoScenario.MediumIndex} → {DemoScenario.SampleIndex}): {DemoScenario.SpeckleRmsNm} nm rms height, {DemoScenario.SpeckleCorrelationNm} nm correlation length");
        Row(html, "particles", string.Create(c, $"point scatterers at the coverslip (z = 0), amplitude |s| log-uniform in [{DemoScenario.AmplitudeLow}, {DemoScenario.AmplitudeHigh}] of the reference field (peak contrast up to 2|s|), scattering phase uniform in [0, 2π), so each particle is dark, bright or in between"));
        Row(html, "motion", string.Create(c, $"2D Brownian, D = {DemoScenario.DiffusionUm2PerS} µm²/s, {DemoScenario.FrameIntervalMs} ms per frame (rms step {sc.StepNm:F0} nm = {sc.StepNm / DemoScenario.PixelSizeNm:F1} px per axis), positions at an instant; particles enter and leave the field"));
        Row(html, "movies", string.Create(c, $"{sc.Size}×{sc.Size} px ({sc.Size * DemoScenario.PixelSizeNm / 1000:F2} µm square), {sc.Frames} frames per density, seed {sc.Seed} (the network's training recipe uses seed {r.Model.Model.Recipe.Seed})"));
        html.Append("</table>\n<table>\n<tr><th>density (/µm²)</th><th>measured (/µm²)</th><th>particles scored</th><th>|contrast| below the per-pixel shot noise</th><th class=\"l\">recipe</th></tr>\n");
        var noise = 1 / Math.Sqrt(DemoScenario.ReferencePhotons);
        foreach (var movie in r.Movies)
        {
            var name = $"recipe-{DemoFigures.Tag(movie.Density)}.yaml";
            var bytes = new UTF8Encoding(false).GetBytes(movie.Recipe);
            AtomicFileWriter.Write(Path.Combine(folder, name), stream => stream.Write(bytes));
            var faint = movie.Truth.Count == 0 ? double.NaN : movie.Truth.Count(t => Math.Abs(t.Intensity) < noise) / (double)movie.Truth.Count;
            var scored = r.Score(DemoResults.Network, movie.Density).Scores;
            html.Append(c, $"<tr><td>{F(movie.Density, "G4")}</td><td>{F(movie.MeasuredDensity(sc.AreaUm2), "F2")}</td><td>{scored.TruePositives + scored.FalseNegatives}</td><td>{F(100 * faint, "F0")} %</td><td class=\"l\"><a href=\"{name}\">{name}</a></td></tr>\n");
        }

        html.Append("</table>\n<p>Particles with a phase near quadrature have almost no contrast in any single frame; they stay in the truth, so no method can reach F1 = 1.</p>\n");
    }

    private static void Methods(StringBuilder html, DemoResults r)
    {
        var noise = r.Classical.Count == 0 ? double.NaN : r.Classical.Average(c => c.NoiseSigma);
        html.Append("<h2>How each method was run</h2>\n<ul>\n");
        foreach (var method in r.Methods)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{E(method)}</b>: {E(r.Setups[method])}</li>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul>\n<p>The network sees the raw frames, as <code>perrin localize</code> would, and so does its refinement. The classical methods, which look for bright spots, see each frame minus the movie's per-pixel temporal median (PiSCAT's static background, which removes the speckle), smoothed by a Gaussian of σ = {ClassicalFrames.SmoothingSigmaPx} px and taken in magnitude, so dark and bright particles both become bright spots (noise σ of the smoothed frames ≈ {F(noise, "F0")} photons). This gives them the whole movie's background, which the network does not get. ")
            .Append(CultureInfo.InvariantCulture, $"Spot width σ = λ/(π·NA) = {DemoScenario.SpotSigmaPx:F1} px, from the optics. Every method is scored the same way: per frame, one-to-one optimal matching within {DemoScoring.TolerancePx} px ({DemoScoring.ToleranceNm:F0} nm), over the field at least {ClassicalMethods.RoiRadiusPx} px from its edge (the classical ROI half-width).</p>\n");
    }

    private static void Scores(StringBuilder html, DemoResults r, DemoFigures figures, string folder)
    {
        html.Append("<h2>Results</h2>\n<table>\n<tr><th>density (/µm²)</th><th class=\"l\">method</th><th>F1</th><th>Jaccard (%)</th><th>RMSE (nm)</th><th>precision</th><th>recall</th><th>TP</th><th>FP</th><th>FN</th><th>recall, |C| ≥ 0.02</th><th>RMSE (nm), |C| ≥ 0.02</th></tr>\n");
        foreach (var movie in r.Movies)
        {
            foreach (var method in r.Methods)
            {
                var result = r.Score(method, movie.Density);
                var (s, b) = (result.Scores, result.Bright);
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{F(movie.Density, "G4")}</td><td class=\"l\">{E(method)}</td><td>{F(s.F1, "F3")}</td><td>{F(s.JaccardPercent, "F1")}</td><td>{F(s.RmseLateralNm, "F1")}</td><td>{F(s.Precision, "F3")}</td><td>{F(s.Recall, "F3")}</td><td>{s.TruePositives}</td><td>{s.FalsePositives}</td><td>{s.FalseNegatives}</td><td>{F(b.Recall, "F3")}</td><td>{F(b.RmseLateralNm, "F1")}</td></tr>\n");
            }
        }

        html.Append($"</table>\n<p>Numbers: <a href=\"{ResultsCsv.ScoresName}\">{ResultsCsv.ScoresName}</a>, <a href=\"{ResultsCsv.DiffusionName}\">{ResultsCsv.DiffusionName}</a>. Truth and localizations (ThunderSTORM CSV, nm, frames from 1): ")
            .AppendJoin(", ", ResultsCsv.WriteTables(folder, r).Select(name => $"<a href=\"{E(name)}\">{E(name)}</a>"))
            .Append(".</p>\n");
        var unit = new LinePlotOptions { YMin = 0, YMax = 1 };
        Figure(html, figures.ScorePlot("f1.svg", "F1 against density", "F1", s => s.Scores.F1, unit), "F1 (2 TP / (2 TP + FP + FN))");
        Figure(html, figures.ScorePlot("jaccard.svg", "Jaccard index against density", "Jaccard (%)", s => s.Scores.JaccardPercent, new LinePlotOptions { YMin = 0, YMax = 100 }), "Jaccard index TP / (TP + FP + FN)");
        Figure(html, figures.ScorePlot("rmse.svg", "RMSE of matched positions against density", "RMSE (nm)", s => s.Scores.RmseLateralNm, new LinePlotOptions { YMin = 0 }), "lateral RMSE over matched pairs");
    }

    private static void Frames(StringBuilder html, DemoResults r, DemoFigures figures)
    {
        html.Append("<h2>Frames</h2>\n<p>The middle frame of each movie as each method saw it: detections as green crosses, the truth as magenta circles of the 2 px matching radius.</p>\n");
        for (var k = 0; k < r.Movies.Count; k++)
        {
            var movie = r.Movies[k];
            html.Append(CultureInfo.InvariantCulture, $"<h3>{F(movie.Density, "G4")} particles/µm²</h3>\n");
            foreach (var method in r.Methods)
            {
                var frame = DemoResults.SeesRawFrames(method) ? movie.Frames[DemoFigures.ShownFrame(movie)] : r.Classical[k].Frames[DemoFigures.ShownFrame(movie)];
                var s = r.Score(method, movie.Density).Scores;
                Figure(html, figures.Overlay(movie, method, frame), string.Create(CultureInfo.InvariantCulture, $"{method}: F1 {F(s.F1, "F3")} over the movie"), 320);
            }
        }
    }

    private static void Training(StringBuilder html, DemoResults r, DemoFigures figures)
    {
        html.Append("<h2>Training curve</h2>\n");
        var plot = figures.TrainingCurvePlot(TrainingCurve.Parse(r.Model.Metrics));
        if (plot is null)
        {
            html.Append("<p>No metrics table was found for this model.</p>\n");
            return;
        }

        Figure(html, plot, "training and validation loss per epoch, from the metrics table of perrin train");
    }

    private static void Diffusion(StringBuilder html, DemoResults r, DemoFigures figures)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>Tracking and diffusion</h2>\n<p>The network's localizations (whole field) {E(DemoTracking.Setup(r.Scenario))}. The true tracks, through the same estimator, show what these finite movies allow at best. True D = {DemoScenario.DiffusionUm2PerS} µm²/s.</p>\n")
            .Append("<table>\n<tr><th>density (/µm²)</th><th class=\"l\">tracks from</th><th>tracks</th><th>D (µm²/s)</th><th>± s.e.</th><th class=\"l\">note</th></tr>\n");
        foreach (var d in r.Diffusion)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{F(d.Density, "G4")}</td><td class=\"l\">{E(d.Source)}</td><td>{d.TrackCount}</td><td>{F(d.D, "F3")}</td><td>{F(d.DStdErr, "F3")}</td><td class=\"l\">{E(d.Note ?? string.Empty)}</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var movie in r.Movies)
        {
            var network = r.Diffusion.First(d => d.Density == movie.Density && d.Source == DemoTracking.NetworkSource);
            Figure(html, figures.Tracks(network, movie), $"network tracks at {movie.Density.ToString("G4", CultureInfo.InvariantCulture)} particles/µm²", 400);
            if (figures.Msd(network, movie) is { } msd)
            {
                Figure(html, msd, $"MSD of the network tracks at {movie.Density.ToString("G4", CultureInfo.InvariantCulture)} particles/µm²", 520);
            }
        }
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<tr><th class=\"l\">{E(name)}</th><td class=\"l\">{E(value)}</td></tr>\n");

    private static void Figure(StringBuilder html, string file, string caption, int width = 600) =>
        html.Append(CultureInfo.InvariantCulture, $"<figure><img src=\"{E(file)}\" alt=\"{E(caption)}\" width=\"{width}\"><figcaption>{E(caption)}</figcaption></figure>\n");
}
