namespace Perrin.Analysis.Localizers.Candidates;

/// <summary>
/// Settings of <see cref="CandidateDetector"/>. The frame is smoothed with a Gaussian of the PSF's width, a box mean
/// of the surroundings is subtracted as local background, and local maxima of the result above both thresholds are
/// candidates. The defaults suit single-molecule data with a PSF of σ ≈ 1.3 px; for beads set
/// <see cref="SigmaPx"/> to their apparent width.
/// </summary>
public sealed record CandidateDetectorParameters
{
    /// <summary>Standard deviation of the PSF in pixels: the smoothing scale.</summary>
    public double SigmaPx { get; init; } = 1.3;

    /// <summary>Half-width of the background box, as a multiple of <see cref="SigmaPx"/> (at least 1 px wider than the smoothing).</summary>
    public double BackgroundScale { get; init; } = 4.0;

    /// <summary>A peak must exceed this many standard deviations of the filtered frame's noise (estimated robustly per frame).</summary>
    public double ThresholdSigmas { get; init; } = 5.0;

    /// <summary>A peak must be at least as high as that of a spot of this many photons (0: no such threshold).</summary>
    public double MinPhotons { get; init; }

    /// <summary>Two candidates are at least this many pixels apart (Chebyshev distance); the brighter wins.</summary>
    public int MinDistancePx { get; init; } = 2;

    /// <summary>Candidates closer than this to the frame's edge are dropped.</summary>
    public int BorderPx { get; init; }

    /// <summary>Half-width of the Gaussian smoothing kernel in pixels.</summary>
    internal int SmoothingRadius => (int)Math.Ceiling(3.0 * SigmaPx);

    internal int BackgroundRadius => Math.Max(SmoothingRadius + 1, (int)Math.Round(BackgroundScale * SigmaPx));

    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its sensible range.</exception>
    public void Validate()
    {
        Check(SigmaPx is >= 0.3 and <= 50, nameof(SigmaPx), SigmaPx, "between 0.3 and 50 pixels");
        Check(BackgroundScale is >= 1 and <= 100, nameof(BackgroundScale), BackgroundScale, "between 1 and 100");
        Check(ThresholdSigmas is >= 0 and <= 1e6, nameof(ThresholdSigmas), ThresholdSigmas, "between 0 and 10⁶");
        Check(MinPhotons is >= 0 and <= 1e12, nameof(MinPhotons), MinPhotons, "between 0 and 10¹²");
        Check(MinDistancePx is >= 1 and <= 1000, nameof(MinDistancePx), MinDistancePx, "between 1 and 1000 pixels");
        Check(BorderPx is >= 0 and <= 100000, nameof(BorderPx), BorderPx, "between 0 and 100000 pixels");
    }

    private static void Check(bool ok, string name, double value, string expected)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"the detector's {name} must be {expected}");
        }
    }
}
