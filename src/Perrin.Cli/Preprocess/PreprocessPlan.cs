using System.Globalization;
using Perrin.Analysis.Iscat;

namespace Perrin.Cli.Preprocess;

/// <summary>
/// The checked options of `perrin preprocess` and the stage chain they make, in PiSCAT's order: power normalization
/// (the laser's flicker scales whole frames, so it goes first), background, differential rolling average, and last
/// the fixed-pattern-noise correction of the stripes the DRA leaves (PiSCAT's FPN tutorial works on DRA frames).
/// </summary>
internal sealed record PreprocessPlan
{
    public const int MaxBatch = 1 << 20;

    public bool PowerNormalize { get; init; }

    public BackgroundChoice? Background { get; init; }

    public BackgroundCorrection BackgroundMode { get; init; } = BackgroundCorrection.Ratio;

    public int? DraBatch { get; init; }

    public DraMode DraMode { get; init; } = DraMode.Ratio;

    public FpnAxis? Fpn { get; init; }

    /// <summary>Input frames consumed before the first output: W − 1 for a rolling median, 2B − 1 for the DRA.</summary>
    public long Delay => (Background is { Kind: BackgroundKind.Rolling } b ? b.Window - 1L : 0) + (DraBatch is { } batch ? (2L * batch) - 1 : 0);

    public static PreprocessPlan From(PreprocessRequest request)
    {
        if (request.Threads is < 1 or > 1024)
        {
            throw new UserInputException($"--threads must be between 1 and 1024, not {request.Threads}");
        }

        var background = request.Background is { } text ? BackgroundChoice.Parse(text) : (BackgroundChoice?)null;
        if (background is null && request.BackgroundMode is not null)
        {
            throw new UserInputException("--background-mode says how a background is removed; add --background median or --background rolling:W");
        }

        if (request.Dra is null && request.DraMode is not null)
        {
            throw new UserInputException("--dra-mode needs --dra B (the batch size in frames)");
        }

        if (request.Dra is { } b && b is < 1 or > MaxBatch)
        {
            throw new UserInputException($"--dra B is the number of frames in each of the two batches the DRA compares: at least 1 (and at most {MaxBatch}), not {b}");
        }

        var plan = new PreprocessPlan
        {
            PowerNormalize = request.PowerNormalize,
            Background = background,
            BackgroundMode = request.BackgroundMode is { } mode ? ParseBackgroundMode(mode) : BackgroundCorrection.Ratio,
            DraBatch = request.Dra,
            DraMode = request.DraMode is { } dra ? ParseDraMode(dra) : (background is null ? DraMode.Ratio : DraMode.Difference),
            Fpn = request.Fpn is { } fpn ? ParseFpn(fpn) : null,
        };
        if (!plan.PowerNormalize && plan.Background is null && plan.DraBatch is null && plan.Fpn is null)
        {
            throw new UserInputException("nothing to do: choose at least one of --power-normalize, --background, --dra and --fpn");
        }

        if (plan.Background is not null && plan.DraBatch is not null && plan.DraMode == DraMode.Ratio)
        {
            throw new UserInputException("--dra-mode ratio divides by the earlier batch's mean, which is about 0 once --background has removed the background: use --dra-mode difference");
        }

        return plan;
    }

    /// <summary>Refuses a movie too short to give a single output frame, saying which option needs the frames.</summary>
    public void RequireLength(int frames, string source)
    {
        if (frames > Delay)
        {
            return;
        }

        var needs = new List<string>();
        if (Background is { Kind: BackgroundKind.Rolling } b)
        {
            needs.Add($"--background rolling:{b.Window} needs {b.Window}");
        }

        if (DraBatch is { } batch)
        {
            needs.Add($"--dra {batch} needs {2L * batch} (two batches of {batch})");
        }

        var together = needs.Count > 1 ? $"; together they need {Delay + 1}" : string.Empty;
        throw new UserInputException($"{source} has {frames} frame{(frames == 1 ? string.Empty : "s")}, too few: {string.Join(" and ", needs)}{together}");
    }

    /// <summary>Why the output is shorter than the input, for the summary line; empty when it is not.</summary>
    public string ExplainDelay()
    {
        var parts = new List<string>();
        if (Background is { Kind: BackgroundKind.Rolling } b)
        {
            parts.Add($"the rolling median holds back W − 1 = {b.Window - 1}");
        }

        if (DraBatch is { } batch)
        {
            parts.Add($"the DRA holds back 2B − 1 = {(2L * batch) - 1}");
        }

        return parts.Count == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"{Delay} fewer: {string.Join(", ", parts)}; output frame k covers input frames k … k + {Delay}");
    }

    /// <summary>
    /// The stages for frames of the given size. The background and DRA stages work pixel by pixel, so they run on
    /// <paramref name="threads"/> bands of rows at once with the same result as on the whole frame.
    /// </summary>
    public FrameStageChain BuildChain(int height, int width, float[]? staticBackground, int threads)
    {
        var stages = new List<IFrameStage>();
        if (PowerNormalize)
        {
            stages.Add(new PowerNormalizationStage(height, width));
        }

        if (Background is { } background)
        {
            var mode = BackgroundMode;
            if (background.Kind == BackgroundKind.Median)
            {
                var image = staticBackground ?? throw new ArgumentNullException(nameof(staticBackground), "the whole-movie median background must be computed first");
                stages.Add(BandedStage.Create(height, width, threads, (top, rows) => new StaticBackgroundStage(image.AsSpan(top * width, rows * width), rows, width, mode)));
            }
            else
            {
                stages.Add(BandedStage.Create(height, width, threads, (_, rows) => new RollingMedianBackgroundStage(rows, width, background.Window, mode)));
            }
        }

        if (DraBatch is { } batch)
        {
            var dra = DraMode;
            stages.Add(BandedStage.Create(height, width, threads, (_, rows) => new DifferentialRollingAverageStage(rows, width, batch, dra)));
        }

        if (Fpn is { } axis)
        {
            stages.Add(new FixedPatternNoiseStage(height, width, axis));
        }

        return new FrameStageChain([.. stages]);
    }

    private static BackgroundCorrection ParseBackgroundMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "subtract" => BackgroundCorrection.Subtract,
        "ratio" => BackgroundCorrection.Ratio,
        _ => throw new UserInputException($"--background-mode must be 'subtract' (frame − background) or 'ratio' (frame / background − 1, the iSCAT contrast), not '{text}'"),
    };

    private static DraMode ParseDraMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "ratio" => DraMode.Ratio,
        "difference" => DraMode.Difference,
        _ => throw new UserInputException($"--dra-mode must be 'ratio' ((later − earlier) / earlier batch mean) or 'difference' (later − earlier), not '{text}'"),
    };

    private static FpnAxis ParseFpn(string text) => text.Trim().ToLowerInvariant() switch
    {
        "rows" => FpnAxis.Rows,
        "columns" => FpnAxis.Columns,
        "both" => FpnAxis.Both,
        _ => throw new UserInputException($"--fpn must be 'rows', 'columns' or 'both' (the lines whose medians are subtracted), not '{text}'"),
    };
}
