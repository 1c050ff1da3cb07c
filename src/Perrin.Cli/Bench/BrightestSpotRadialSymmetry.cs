using Perrin.Analysis.Localizers;
using Perrin.Analysis.Localizers.Candidates;

namespace Perrin.Cli.Bench;

/// <summary>
/// Radial symmetry for a frame known to hold one particle: on the (2·radius + 1)² ROI centred on the brightest
/// pixel of the candidate detector's filter (the frame smoothed with a Gaussian of σ <paramref name="sigma"/> minus
/// its local background; no threshold), so that it never misses for want of a detection. Not thread-safe.
/// </summary>
internal sealed class BrightestSpotRadialSymmetry(int radius, double sigma)
{
    private readonly CandidateDetector _detector = new(new CandidateDetectorParameters { SigmaPx = sigma, ThresholdSigmas = 0 });
    private readonly float[] _roi = new float[((2 * radius) + 1) * ((2 * radius) + 1)];

    /// <summary>
    /// The centre in frame pixels, and whether a stand-in was used: the ROI's centre pixel when radial symmetry's
    /// centre leaves the ROI (where the localizer would drop it), the frame's centre for a flat frame.
    /// </summary>
    public (double X, double Y, bool Fallback) Locate(ReadOnlySpan<float> frame, int height, int width)
    {
        var candidates = _detector.Detect(frame, height, width, radius);
        if (candidates.Count == 0)
        {
            return ((width - 1) / 2.0, (height - 1) / 2.0, true);
        }

        var best = candidates.MaxBy(c => c.Score);
        var size = (2 * radius) + 1;
        for (var r = 0; r < size; r++)
        {
            frame.Slice(((best.Y - radius + r) * width) + best.X - radius, size).CopyTo(_roi.AsSpan(r * size, size));
        }

        var (x, y) = RadialSymmetry.Centre(_roi, size);
        return x >= -0.5 && x <= size - 0.5 && y >= -0.5 && y <= size - 0.5
            ? (best.X - radius + x, best.Y - radius + y, false)
            : (best.X, best.Y, true);
    }
}
