using System.CommandLine;
using Perrin.Analysis.Diffusion;
using Perrin.Analysis.Plots;
using Perrin.Cli.Console;
using Perrin.Cli.Msd;
using Perrin.Core.Tables;

namespace Perrin.Cli.Commands;

/// <summary>
/// `perrin msd TRACKS -o msd.csv`: per-track and ensemble mean squared displacement of a linked track table, the
/// diffusion coefficient by a chosen estimator, the anomalous exponent, and optional SVG plots.
/// </summary>
internal static class MsdCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("tracks") { Description = "Track table: trackpy CSV with a particle column (pixels; needs --px) or ThunderSTORM CSV with a \"particle\" column (nm)" };
        var px = new Option<double?>("--px") { Description = "Pixel size in nm (converts trackpy's pixel positions)" };
        var dt = new Option<double>("--dt") { Description = "Time between frames in seconds", Required = true };
        var maxLag = new Option<int>("--max-lag") { Description = "Longest lag of the MSD, frames", DefaultValueFactory = _ => 100 };
        var minLength = new Option<int>("--min-length") { Description = "Skip tracks with fewer points", DefaultValueFactory = _ => 10 };
        var estimator = new Option<string>("--estimator") { Description = "D estimator: ols (line on --fit-lags lags), michalet (optimal lag count), cve (covariance, robust to localization noise)", DefaultValueFactory = _ => "ols" };
        estimator.AcceptOnlyFromAmong("ols", "michalet", "cve");
        var fitLags = new Option<int?>("--fit-lags") { Description = "Lags of the ols line (default 4)" };
        var alphaLags = new Option<int?>("--alpha-lags") { Description = "Lags of the power-law fit for α (default 10)" };
        var blur = new Option<double>("--blur") { Description = "Motion-blur coefficient R: 1/6 for continuous exposure, 0 for instantaneous", DefaultValueFactory = _ => MotionBlur.Continuous };
        var drift = new Option<bool>("--drift") { Description = "Estimate the ensemble drift (trackpy's compute_drift) and subtract it" };
        var driftSmoothing = new Option<int>("--drift-smoothing") { Description = "Trailing-mean window of the drift, frames", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--output", "-o") { Description = "Ensemble MSD table (CSV)", Required = true };
        var perTrack = new Option<string?>("--per-track") { Description = "Per-track D and α table (CSV)" };
        var plot = new Option<string?>("--plot") { Description = "MSD curves on log-log axes (SVG)" };
        var hist = new Option<string?>("--hist") { Description = "Histograms of D and α (SVG)" };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON on standard output" };
        var force = new Option<bool>("--force") { Description = "Replace outputs that exist" };
        var command = new Command("msd", "Mean squared displacement, diffusion coefficients and anomalous exponents of tracks")
        {
            input, px, dt, maxLag, minLength, estimator, fitLags, alphaLags, blur, drift, driftSmoothing, output, perTrack, plot, hist, json, force,
        };
        command.SetAction(parse => CommandRunner.Run(console, () => Run(console, new MsdRequest(
            parse.GetValue(input)!,
            parse.GetValue(px),
            parse.GetValue(dt),
            parse.GetValue(maxLag),
            parse.GetValue(minLength),
            Enum.Parse<DiffusionEstimator>(parse.GetValue(estimator)!, ignoreCase: true),
            parse.GetValue(fitLags),
            parse.GetValue(alphaLags),
            parse.GetValue(blur),
            parse.GetValue(drift),
            parse.GetValue(driftSmoothing),
            parse.GetValue(output)!,
            parse.GetValue(perTrack),
            parse.GetValue(plot),
            parse.GetValue(hist),
            parse.GetValue(json),
            parse.GetValue(force)))));
        return command;
    }

    private static int Run(CliConsole console, MsdRequest request)
    {
        var options = request.ToOptions();
        CheckOutputs(request);
        var table = ReadTracks(request);
        DiffusionReport report;
        try
        {
            report = DiffusionAnalysis.Run(table.Rows, options);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"{request.Input}: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }

        MsdTables.WriteEnsemble(request.Output, report.Ensemble);
        if (request.PerTrack is { } perTrack)
        {
            MsdTables.WritePerTrack(perTrack, report.Tracks);
        }

        if (request.Plot is { } plot)
        {
            MsdPlot.Write(plot, [.. report.Tracks.Select(t => t.Msd)], report.Ensemble);
        }

        if (request.Histogram is { } hist)
        {
            HistogramPlot.WriteDiffusion(hist, report.TrackDs(), report.TrackAlphas());
        }

        foreach (var path in request.Outputs())
        {
            console.Error.WriteLine($"wrote {path}");
        }

        MsdSummary.Of(request, report).Render(console, request.Json);

        return ExitCodes.Ok;
    }

    private static LocalizationTable ReadTracks(MsdRequest request)
    {
        var format = LocalizationTableIO.Detect(request.Input);
        if (format == TableFormat.Trackpy && request.PixelSizeNm is null)
        {
            throw new UserInputException($"{request.Input} is a trackpy table, in pixels: add --px with the pixel size in nm");
        }

        var table = LocalizationTableIO.Read(request.Input, format, request.PixelSizeNm);
        if (!table.Has(LocalizationColumns.Particle))
        {
            throw new UserInputException(
                $"{request.Input} has no particle column, so it holds localizations rather than tracks; link them first (trackpy's link, or `perrin track`) so that each row carries its track id in a 'particle' column");
        }

        return table;
    }

    private static void CheckOutputs(MsdRequest request)
    {
        var input = Path.GetFullPath(request.Input);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in request.Outputs())
        {
            var full = Path.GetFullPath(path);
            if (full == input)
            {
                throw new UserInputException($"{path}: an output would replace the input; choose another name");
            }

            if (!seen.Add(full))
            {
                throw new UserInputException($"{path} is named for two outputs; give each its own file");
            }

            if (File.Exists(path) && !request.Force)
            {
                throw new UserInputException($"{path} exists; add --force to replace it");
            }
        }
    }
}
