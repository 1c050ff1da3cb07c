using System.Globalization;
using Perrin.Analysis.Evaluation;
using Perrin.Cli.Console;
using Perrin.Core.Tables;

namespace Perrin.Cli.Evaluate;

/// <summary>Runs `perrin evaluate`: reads both tables, checks them against the request, scores and reports.</summary>
internal static class EvaluationRun
{
    public static int Run(CliConsole console, EvaluateRequest request)
    {
        var options = Options(request);
        var detections = LoadedTable.Read(request.Detections, request.PixelSizeNm);
        var truth = LoadedTable.Read(request.Truth, request.PixelSizeNm);
        CheckColumns(request, detections, truth);
        if (truth.Table.Count == 0)
            throw new UserInputException($"{truth.Path} has no localizations: there is no ground truth to score against");
        if (detections.Table.Count == 0)
            console.Error.WriteLine($"warning: {detections.Path} has no localizations; every truth counts as missed");

        var crlb = CrlbModel(request, detections, truth);
        options = options with { Crlb = crlb };
        var result = LocalizationEvaluator.Evaluate(detections.Table, truth.Table, options);
        EvaluationChecks.SameUnits(detections, truth, result);
        if (EvaluationChecks.FrameOffset(detections, truth, result) is { } warning)
            console.Error.WriteLine(warning);
        if (request.PerFrame is { } perFrame)
            FrameScoresCsv.Write(perFrame, result.Frames, detections.FrameBase);

        if (request.Json && options.TruthIntensityEdges is null)
            console.Out.WriteLine(EvaluationJson.Serialize(new { Detections = detections.Path, Truth = truth.Path, result.Options, result.Overall }));
        else if (request.Json)
            console.Out.WriteLine(EvaluationJson.Serialize(new { Detections = detections.Path, Truth = truth.Path, result.Options, result.Overall, result.ByTruthIntensity }));
        else
            EvaluationSummary.Render(console, detections, truth, result);
        return ExitCodes.Ok;
    }

    private static EvaluationOptions Options(EvaluateRequest request)
    {
        if (!double.IsFinite(request.ToleranceNm) || request.ToleranceNm <= 0)
            throw new UserInputException($"--tol must be a positive number of nm, not {request.ToleranceNm}");
        if (request.AxialToleranceNm is { } z && (!double.IsFinite(z) || z <= 0))
            throw new UserInputException($"--tol-z must be a positive number of nm, not {z}");
        if (request.PixelSizeNm is { } px && (!double.IsFinite(px) || px <= 0))
            throw new UserInputException($"--pixel-size must be a positive number of nm, not {px}");
        return new EvaluationOptions
        {
            LateralToleranceNm = request.ToleranceNm,
            AxialToleranceNm = request.AxialToleranceNm,
            Rule = request.Greedy ? MatchingRule.Greedy : MatchingRule.Optimal,
            TruthIntensityEdges = request.ByIntensity is { } text ? IntensityEdges(text) : null,
        };
    }

    /// <summary>The edges of --by-intensity: finite, not negative, strictly increasing, at least two.</summary>
    private static double[] IntensityEdges(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var edges = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out edges[i]) || !double.IsFinite(edges[i]))
                throw new UserInputException($"--by-intensity {text}: edge {i + 1} ('{parts[i]}') is not a number; expected comma-separated edges such as 0,0.01,0.02,0.04");
        }

        if (edges.Length < 2)
            throw new UserInputException($"--by-intensity {text}: expected at least two edges");
        for (var i = 0; i < edges.Length; i++)
        {
            if (edges[i] < 0 || (i > 0 && edges[i] <= edges[i - 1]))
                throw new UserInputException($"--by-intensity {text}: the edges must be at least 0 and strictly increasing; edge {i + 1} is {parts[i]}");
        }

        return edges;
    }

    private static void CheckColumns(EvaluateRequest request, LoadedTable detections, LoadedTable truth)
    {
        if (request.ByIntensity is not null
            && (!truth.Table.Has(LocalizationColumns.Intensity) || !truth.Table.Rows.Any(r => double.IsFinite(r.Intensity))))
            throw new UserInputException($"--by-intensity bins the truths by their intensity, and {truth.Describe()} has no intensity column with values");
        if (request.AxialToleranceNm is null)
            return;
        foreach (var table in new[] { detections, truth })
        {
            if (!table.Table.Has(LocalizationColumns.Z))
                throw new UserInputException($"--tol-z matches in 3D, but {table.Describe()} has no z column");
        }
    }

    private static GaussianCrlb? CrlbModel(EvaluateRequest request, LoadedTable detections, LoadedTable truth)
    {
        if (request.CrlbSigmaNm is null && request.CrlbBackgroundPhotons is null)
            return null;
        if (request.CrlbSigmaNm is not { } sigma || request.CrlbBackgroundPhotons is not { } background)
            throw new UserInputException("the Cramér–Rao comparison needs both --crlb-sigma (PSF sigma in nm) and --crlb-background (photons per pixel)");
        if (!truth.Table.Has(LocalizationColumns.Intensity))
            throw new UserInputException($"the Cramér–Rao comparison needs the photons of each truth, and {truth.Describe()} has no intensity column");
        var pixel = request.PixelSizeNm ?? truth.Table.PixelSizeNm ?? detections.Table.PixelSizeNm
            ?? throw new UserInputException("the Cramér–Rao bound depends on the pixel size: add --pixel-size (nm per pixel)");
        try
        {
            return new GaussianCrlb(sigma, background, pixel);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"--crlb-sigma/--crlb-background: {e.Message}", e);
        }
    }
}
