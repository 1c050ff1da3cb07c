using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Perrin.Analysis.Plots;
using Perrin.Cli.Bench;
using Perrin.Cli.Console;
using Perrin.Cli.Localize;
using Perrin.Nn.Backends;
using Spectre.Console;

namespace Perrin.Cli.Commands;

/// <summary>
/// `perrin bench single-particle MODEL`: the accuracy of a single-particle CNN regressor against radial symmetry on
/// held-out frames at fixed SNRs, as a table (RMSE in nm and pixels) and an SVG plot of RMSE against SNR.
/// </summary>
internal static class BenchSingleParticleCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("model") { Description = "A position regressor from perrin train on a positions recipe with an snr field (examples/recipes/single-particle.yaml)" };
        var snr = new Option<string>("--snr") { Description = "SNRs to simulate at, comma separated (the recipe's definition)", DefaultValueFactory = _ => "2,3,5,10,20" };
        var frames = new Option<int>("--frames") { Description = "Frames per SNR", DefaultValueFactory = _ => 300 };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the held-out frames (default: the recipe's seed + 1; the recipe's own seed is refused)" };
        var roi = new Option<int>("--roi-radius") { Description = "Radial symmetry's ROI is (2r + 1)² pixels around the brightest smoothed pixel", DefaultValueFactory = _ => 4 };
        var sigma = new Option<double>("--smoothing-sigma") { Description = "σ in pixels of the Gaussian that smooths the frame to find its brightest pixel", DefaultValueFactory = _ => 1.4 };
        var plot = new Option<string>("--plot") { Description = "The SVG plot of RMSE against SNR", DefaultValueFactory = _ => "single-particle-rmse.svg" };
        var threads = new Option<int>("--threads") { Description = "Threads for the network", DefaultValueFactory = _ => Environment.ProcessorCount };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output instead of the table" };
        var command = new Command("single-particle", "Single-particle localization accuracy of a CNN regressor and of radial symmetry on the same held-out simulated frames, against SNR")
        {
            model, snr, frames, seed, roi, sigma, plot, threads, json,
        };
        command.SetAction(parse => CommandRunner.Run(console, () =>
        {
            var path = parse.GetValue(model)!;
            var snrs = ParseSnrs(parse.GetValue(snr)!);
            var count = parse.GetValue(frames);
            var radius = parse.GetValue(roi);
            var smoothing = parse.GetValue(sigma);
            var n = parse.GetValue(threads);
            if (count is < 1 or > 1_000_000 || radius is < 2 or > 31 || smoothing is not (>= 0.3 and <= 50) || n is < 1 or > 1024)
            {
                throw new UserInputException("--frames must be between 1 and 1000000, --roi-radius between 2 and 31, --smoothing-sigma between 0.3 and 50 pixels and --threads between 1 and 1024");
            }

            var regressor = (File.Exists(path) ? RegressorModel.TryLoad(path) : null)
                ?? throw new UserInputException($"{path}: {(File.Exists(path) ? "not a position regressor (a CNN from perrin train on a positions recipe)" : "no such model file")}");
            if (2 * radius + 1 > Math.Min(regressor.Width, regressor.Height))
            {
                throw new UserInputException($"--roi-radius {radius}: the ROI would not fit in the model's {regressor.Width}×{regressor.Height} frames");
            }

            var recipeSeed = regressor.Simulator.Recipe.Seed;
            var heldOut = parse.GetValue(seed) ?? recipeSeed + 1;
            if (heldOut == recipeSeed)
            {
                throw new UserInputException($"--seed {heldOut} is the seed of the recipe the model was trained on; held-out frames need another");
            }

            var settings = new SingleParticleBenchSettings(snrs, count, heldOut, radius, smoothing, 64);
            var previous = Backend.Current;
            Backend.UseCpu(n);
            List<SingleParticleBenchRow> rows;
            try
            {
                rows = ProgressScope.Run(console, "bench single-particle", (long)snrs.Length * count, report =>
                {
                    var measured = new List<SingleParticleBenchRow>();
                    foreach (var value in snrs)
                    {
                        var done = (long)measured.Count * count;
                        measured.Add(SingleParticleBenchmark.Measure(regressor, value, settings, k => report(done + k)));
                    }

                    return measured;
                });
            }
            finally
            {
                Backend.Current = previous;
            }

            var px = regressor.RecipePixelSizeNm;
            var plotPath = parse.GetValue(plot)!;
            WritePlot(plotPath, rows, px);
            Print(console, rows, settings, px, parse.GetValue(json));
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count} frames per SNR from seed {heldOut}; radial symmetry on a {(2 * radius) + 1}×{(2 * radius) + 1} ROI at the brightest pixel after Gaussian smoothing (σ {smoothing:G3} px) and local background subtraction; RMSE of the 2D distance to the truth; plot {plotPath}"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static double[] ParseSnrs(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !(values[i] > 0 && values[i] <= 1e6))
            {
                throw new UserInputException($"--snr {text}: expected positive numbers separated by commas");
            }
        }

        return parts.Length is >= 1 and <= 64 ? values : throw new UserInputException($"--snr {text}: expected 1 to 64 values");
    }

    private static void WritePlot(string path, List<SingleParticleBenchRow> rows, double px)
    {
        var snrs = rows.Select(r => r.Snr).ToArray();
        SeriesPlot.Write(path, "Single-particle localization error against SNR", "SNR (peak signal / background noise σ)", "RMSE (nm)",
        [
            new PlotSeries("CNN regressor", snrs, rows.Select(r => r.CnnRmsePx * px).ToArray(), "#c0392b"),
            new PlotSeries("radial symmetry", snrs, rows.Select(r => r.RadialRmsePx * px).ToArray(), "#2c6fb0"),
        ], logX: true, logY: true);
    }

    private static void Print(CliConsole console, List<SingleParticleBenchRow> rows, SingleParticleBenchSettings settings, double px, bool json)
    {
        if (json)
        {
            var cases = new JsonArray();
            foreach (var r in rows)
            {
                cases.Add(new JsonObject
                {
                    ["snr"] = r.Snr,
                    ["frames"] = r.Frames,
                    ["cnn_rmse_nm"] = Math.Round(r.CnnRmsePx * px, 3),
                    ["radial_rmse_nm"] = Math.Round(r.RadialRmsePx * px, 3),
                    ["radial_fallbacks"] = r.RadialFallbacks,
                });
            }

            console.Out.WriteLine(new JsonObject { ["seed"] = settings.Seed, ["pixel_size_nm"] = px, ["roi_radius_px"] = settings.RoiRadiusPx, ["cases"] = cases }.ToJsonString());
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("SNR").RightAligned())
            .AddColumn(new TableColumn("frames").RightAligned())
            .AddColumn(new TableColumn("CNN RMSE nm (px)").RightAligned())
            .AddColumn(new TableColumn("radial RMSE nm (px)").RightAligned())
            .AddColumn(new TableColumn("radial fallbacks").RightAligned());
        foreach (var r in rows)
        {
            table.AddRow(
                r.Snr.ToString("G4", CultureInfo.InvariantCulture),
                r.Frames.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{r.CnnRmsePx * px:F1} ({r.CnnRmsePx:F3})"),
                string.Create(CultureInfo.InvariantCulture, $"{r.RadialRmsePx * px:F1} ({r.RadialRmsePx:F3})"),
                r.RadialFallbacks.ToString(CultureInfo.InvariantCulture));
        }

        console.Ansi.Write(table);
    }
}
