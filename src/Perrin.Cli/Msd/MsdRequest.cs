using Perrin.Analysis.Diffusion;

namespace Perrin.Cli.Msd;

/// <summary>What `perrin msd` was asked to do, as given on the command line.</summary>
internal sealed record MsdRequest(
    string Input,
    double? PixelSizeNm,
    double FrameIntervalS,
    int MaxLag,
    int MinLength,
    DiffusionEstimator Estimator,
    int? FitLags,
    int? AlphaLags,
    double Blur,
    bool Drift,
    int DriftSmoothing,
    string Output,
    string? PerTrack,
    string? Plot,
    string? Histogram,
    bool Json,
    bool Force)
{
    /// <summary>The analysis settings, after checking each option and naming the flag that is wrong.</summary>
    public DiffusionOptions ToOptions()
    {
        if (!(FrameIntervalS > 0) || !double.IsFinite(FrameIntervalS))
        {
            throw new UserInputException($"--dt must be a positive number of seconds between frames, not {FrameIntervalS}");
        }

        if (PixelSizeNm is { } px && (!(px > 0) || !double.IsFinite(px)))
        {
            throw new UserInputException($"--px must be a positive number of nm per pixel, not {px}");
        }

        if (MaxLag is < 2 or > Analysis.Diffusion.Msd.LagLimit)
        {
            throw new UserInputException($"--max-lag must be 2 to {Analysis.Diffusion.Msd.LagLimit} frames, not {MaxLag}");
        }

        if (MinLength < 2)
        {
            throw new UserInputException($"--min-length must be at least 2 points, not {MinLength}");
        }

        var fitLags = FitLags ?? Math.Min(4, MaxLag);
        var alphaLags = AlphaLags ?? Math.Min(10, MaxLag);
        if (fitLags < 2 || fitLags > MaxLag)
        {
            throw new UserInputException($"--fit-lags must be 2 to --max-lag ({MaxLag}), not {fitLags}");
        }

        if (alphaLags < 2 || alphaLags > MaxLag)
        {
            throw new UserInputException($"--alpha-lags must be 2 to --max-lag ({MaxLag}), not {alphaLags}");
        }

        if (!(Blur >= 0 && Blur <= 0.25))
        {
            throw new UserInputException($"--blur must lie in [0, 0.25] (1/6 for continuous exposure, 0 for instantaneous), not {Blur}");
        }

        if (DriftSmoothing < 0)
        {
            throw new UserInputException($"--drift-smoothing must be 0 or more frames, not {DriftSmoothing}");
        }

        return new DiffusionOptions(FrameIntervalS, MaxLag, MinLength, Estimator, fitLags, alphaLags, 2, Blur, Drift, DriftSmoothing);
    }

    /// <summary>Every file this run would write.</summary>
    public IEnumerable<string> Outputs() => new[] { Output, PerTrack, Plot, Histogram }.OfType<string>();
}
