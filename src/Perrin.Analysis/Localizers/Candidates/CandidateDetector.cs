using System.Buffers;
using Perrin.Core.Imaging;

namespace Perrin.Analysis.Localizers.Candidates;

/// <summary>
/// Finds spot candidates for the fitters: Gaussian smoothing at the PSF's scale minus a box mean of the
/// surroundings, then local maxima above a noise threshold (in robust standard deviations of the filtered frame)
/// and a brightness threshold (in photons), at least <see cref="CandidateDetectorParameters.MinDistancePx"/> apart.
/// Thread-safe: each call uses its own scratch memory. Non-finite pixels are replaced by the mean of the finite
/// ones for detection, so they never make peaks; a frame with no finite pixel has no candidates.
/// </summary>
public sealed class CandidateDetector
{
    // Where the noise estimate is zero (noiseless or saturated frames) the far tails of bright spots would all be
    // maxima; peaks this much fainter than the brightest are below any real frame's noise.
    private const double RelativeFloor = 1e-4;
    private readonly float[] _kernel;

    public CandidateDetector(CandidateDetectorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Parameters = parameters;
        _kernel = SeparableFilters.GaussianKernel(parameters.SigmaPx, parameters.SmoothingRadius);
        var s2 = parameters.SigmaPx * parameters.SigmaPx;
        var box = (2.0 * parameters.BackgroundRadius) + 1;
        // The smoothed peak of a pixelated spot of N photons is N / (2π(2σ² + 1/12)); the box takes about N / box².
        PeakPerPhoton = (1.0 / (2.0 * Math.PI * ((2.0 * s2) + (1.0 / 12.0)))) - (1.0 / (box * box));
    }

    public CandidateDetectorParameters Parameters { get; }

    /// <summary>Filtered peak height per photon of an isolated spot: converts <see cref="CandidateDetectorParameters.MinPhotons"/>.</summary>
    public double PeakPerPhoton { get; }

    public List<Candidate> Detect(ImageFrame frame) => Detect(frame.Pixels, frame.Height, frame.Width, 0);

    /// <param name="pixels">The frame, rows contiguous, in photons (or any units proportional to them).</param>
    /// <param name="minBorder">Candidates closer than this to the edge are dropped, on top of the parameters' border.</param>
    public List<Candidate> Detect(ReadOnlySpan<float> pixels, int height, int width, int minBorder)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        if ((long)height * width != pixels.Length)
        {
            throw new ArgumentException($"a {height}×{width} frame needs {(long)height * width} pixels, not {pixels.Length}", nameof(pixels));
        }

        var found = new List<Candidate>();
        var border = Math.Max(minBorder, Parameters.BorderPx);
        if (pixels.IsEmpty || 2 * border >= Math.Min(height, width))
        {
            return found;
        }

        var n = pixels.Length;
        var pool = ArrayPool<float>.Shared;
        var clean = pool.Rent(n);
        var smooth = pool.Rent(n);
        var background = pool.Rent(n);
        var scratch = pool.Rent(n);
        try
        {
            if (!CopyFinite(pixels, clean.AsSpan(0, n)))
            {
                return found;
            }

            SeparableFilters.Convolve(clean.AsSpan(0, n), smooth.AsSpan(0, n), scratch.AsSpan(0, n), height, width, _kernel);
            SeparableFilters.BoxMean(clean.AsSpan(0, n), background.AsSpan(0, n), scratch.AsSpan(0, n), height, width, Parameters.BackgroundRadius);
            var filtered = smooth.AsSpan(0, n);
            for (var i = 0; i < n; i++)
            {
                filtered[i] -= background[i];
            }

            var threshold = Math.Max(Parameters.ThresholdSigmas * RobustNoise.Sigma(filtered), Parameters.MinPhotons * PeakPerPhoton);
            threshold = Math.Max(threshold, RelativeFloor * MaxOf(filtered));
            FindMaxima(filtered, height, width, border, (float)threshold, found);
            return found;
        }
        finally
        {
            pool.Return(clean);
            pool.Return(smooth);
            pool.Return(background);
            pool.Return(scratch);
        }
    }

    private static float MaxOf(ReadOnlySpan<float> values)
    {
        var max = 0f;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private static bool CopyFinite(ReadOnlySpan<float> source, Span<float> destination)
    {
        double sum = 0;
        long count = 0;
        foreach (var v in source)
        {
            if (float.IsFinite(v))
            {
                sum += v;
                count++;
            }
        }

        if (count == 0)
        {
            return false;
        }

        var fill = (float)(sum / count);
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = float.IsFinite(source[i]) ? source[i] : fill;
        }

        return true;
    }

    private void FindMaxima(ReadOnlySpan<float> filtered, int height, int width, int border, float threshold, List<Candidate> found)
    {
        var d = Parameters.MinDistancePx;
        for (var y = border; y < height - border; y++)
        {
            for (var x = border; x < width - border; x++)
            {
                var v = filtered[(y * width) + x];
                if (v > threshold && v > 0 && IsMaximum(filtered, height, width, x, y, d, v))
                {
                    found.Add(new Candidate(x, y, v));
                }
            }
        }
    }

    // Ties go to the pixel that comes first in row-major order, so flat-topped peaks give exactly one candidate.
    private static bool IsMaximum(ReadOnlySpan<float> filtered, int height, int width, int x, int y, int d, float v)
    {
        var y0 = Math.Max(0, y - d);
        var y1 = Math.Min(height - 1, y + d);
        var x0 = Math.Max(0, x - d);
        var x1 = Math.Min(width - 1, x + d);
        for (var yy = y0; yy <= y1; yy++)
        {
            var row = filtered.Slice(yy * width, width);
            for (var xx = x0; xx <= x1; xx++)
            {
                var other = row[xx];
                if (other > v || (other == v && (yy < y || (yy == y && xx < x))))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
