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

        if (request.Json)
            console.Out.WriteLine(EvaluationJson.Serialize(new { Detections = detections.Path, Truth = truth.Path, result.Options, result.Overall }));
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
        };
    }

    private static void CheckColumns(EvaluateRequest request, LoadedTable detections, LoadedTable truth)
    {
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
