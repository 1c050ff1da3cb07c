using System.Globalization;
using Perrin.Analysis.Plots;
using Perrin.Cli.Overlay;
using Perrin.Core.Imaging;
using Perrin.Core.IO.Png;
using Perrin.Core.Tables;

namespace Perrin.Cli.Demo;

/// <summary>The report's pictures: frames with detections and truth, scores against density, the training curve, tracks and MSD.</summary>
internal sealed class DemoFigures(string folder, DemoResults results)
{
    private static readonly Rgb TruthColour = new(255, 0, 255);
    private static readonly Rgb DetectionColour = new(0, 230, 0);
    private static readonly string[] Palette = ["#c0392b", "#2471a3", "#1e8449", "#7d3c98", "#b9770e", "#17a589", "#566573"];

    public static string Tag(double density) => "d" + density.ToString("G4", CultureInfo.InvariantCulture);

    public static string Colour(int index) => Palette[index % Palette.Length];

    /// <summary>The frame shown for each density: the middle one, where tracks are well under way.</summary>
    public static int ShownFrame(DemoMovie movie) => movie.FrameCount / 2;

    /// <summary>Frame <see cref="ShownFrame"/> as the method saw it, its detections as green crosses and the truth as magenta circles of the matching radius.</summary>
    public string Overlay(DemoMovie movie, string method, float[] frame)
    {
        var name = $"frame-{Tag(movie.Density)}-{method}.png";
        var zoom = movie.Width <= 256 ? 2 : 1;
        var overlay = new RgbOverlay(new ImageFrame(frame, movie.Height, movie.Width), zoom);
        var shown = ShownFrame(movie);
        var toOutput = zoom / DemoScenario.PixelSizeNm;
        foreach (var t in movie.Truth.Where(t => t.Frame == shown))
        {
            overlay.Circle(t.X * toOutput, t.Y * toOutput, DemoScoring.TolerancePx * zoom, TruthColour, antialias: false);
        }

        foreach (var d in results.Score(method, movie.Density).Localizations.Where(d => d.Frame == shown))
        {
            overlay.Cross(d.X * toOutput, d.Y * toOutput, Math.Max(3, 1.5 * zoom), DetectionColour, antialias: false);
        }

        PngWriter.Write(Path.Combine(folder, name), overlay.ToImage(new Dictionary<string, string>
        {
            ["Description"] = $"perrin demo: frame {shown + 1} at {movie.Density} particles/µm², {method}: detections as green crosses, truth as magenta circles of the 2 px matching radius",
            ["Software"] = "Perrin",
        }));
        return name;
    }

    /// <summary>One score of every method against density.</summary>
    public string ScorePlot(string name, string title, string yTitle, Func<MethodResult, double> value, LinePlotOptions options)
    {
        var densities = results.Movies.Select(m => m.Density).ToArray();
        var series = results.Methods.Select((method, i) => new LineSeries(method, densities, [.. densities.Select(d => value(results.Score(method, d)))], Colour(i))).ToList();
        LinePlot.Write(Path.Combine(folder, name), series, title, "density (particles/µm²)", yTitle, options with { XMin = 0 });
        return name;
    }

    public string? TrainingCurvePlot(TrainingCurve? curve)
    {
        if (curve is null)
        {
            return null;
        }

        const string name = "training-curve.svg";
        LinePlot.Write(Path.Combine(folder, name),
            [new LineSeries("training loss", curve.Steps, curve.TrainLoss, Colour(1)), new LineSeries("validation loss", curve.Steps, curve.ValidationLoss, Colour(0))],
            "training curve of the network", "step", "loss", new LinePlotOptions { LogY = true });
        return name;
    }

    /// <summary>The network's tracks of one movie, in µm over the field, coloured by track.</summary>
    public string Tracks(DiffusionResult diffusion, DemoMovie movie)
    {
        const int maxTracks = 400;
        var name = $"tracks-{Tag(movie.Density)}.svg";
        var series = diffusion.Tracks.GroupBy(t => t.Particle!.Value).Take(maxTracks).Select((g, i) =>
        {
            var rows = g.OrderBy(r => r.Frame).ToArray();
            return new LineSeries(null, [.. rows.Select(r => r.X / 1000)], [.. rows.Select(r => r.Y / 1000)], Colour(i)) { Markers = false, StrokeWidth = 1.2 };
        }).ToList();
        var side = movie.Width * DemoScenario.PixelSizeNm / 1000;
        var title = $"{series.Count} network tracks at {movie.Density} particles/µm²";
        LinePlot.Write(Path.Combine(folder, name), series, title, "x (µm)", "y (µm)",
            new LinePlotOptions { Width = 520, Height = 520, XMin = 0, XMax = side, YMin = 0, YMax = side, InvertY = true });
        return name;
    }

    public string? Msd(DiffusionResult diffusion, DemoMovie movie)
    {
        if (diffusion.Report is not { } report)
        {
            return null;
        }

        var name = $"msd-{Tag(movie.Density)}.svg";
        MsdPlot.Write(Path.Combine(folder, name), [.. report.Tracks.Select(t => t.Msd)], report.Ensemble);
        return name;
    }
}
