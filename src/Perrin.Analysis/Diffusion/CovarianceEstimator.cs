namespace Perrin.Analysis.Diffusion;

/// <summary>
/// The covariance-based estimator (CVE) of Vestergaard, Blainey and Flyvbjerg (Phys. Rev. E 89, 022726, 2014). From
/// single-frame steps Δ (per coordinate): D = ⟨Δ²⟩/(2Δt) + ⟨ΔₖΔₖ₊₁⟩/Δt and σ² = R⟨Δ²⟩ + (2R − 1)⟨ΔₖΔₖ₊₁⟩. The
/// neighbour covariance cancels the localization error, so D is unbiased at any σ. Its variance, per coordinate over
/// N steps, is [(6D² + 4De + 2e²)/N + 4(D + e)²/N²] with e = σ²/Δt − 2RD; coordinates are independent, so the
/// d-dimensional estimate has that divided by d. With gaps only steps between consecutive frames, and pairs of such
/// steps that share a frame, are used.
/// </summary>
public static class CovarianceEstimator
{
    private const double NmToUm = 1e-3;

    /// <summary>CVE for one track.</summary>
    public static DiffusionFit Estimate(Track track, double frameIntervalS, int dimension = 2, double blur = MotionBlur.Continuous) =>
        Estimate([track], frameIntervalS, dimension, blur);

    /// <summary>CVE pooled over all steps of all tracks: the ensemble estimate.</summary>
    public static DiffusionFit Estimate(IReadOnlyList<Track> tracks, double frameIntervalS, int dimension = 2, double blur = MotionBlur.Continuous)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        Msd.ValidateInterval(frameIntervalS);
        Msd.ValidateDimension(dimension);
        MotionBlur.Validate(blur);
        double squares = 0, products = 0;
        long steps = 0, neighbours = 0;
        foreach (var track in tracks)
        {
            Msd.RequireZ(track, dimension);
            Accumulate(track, dimension, ref squares, ref products, ref steps, ref neighbours);
        }

        if (neighbours == 0)
        {
            return DiffusionFit.Undetermined(DiffusionEstimator.Cve, 0, steps);
        }

        var meanSquare = squares / (steps * (double)dimension) * NmToUm * NmToUm;
        var meanProduct = products / (neighbours * (double)dimension) * NmToUm * NmToUm;
        var d = (meanSquare / (2 * frameIntervalS)) + (meanProduct / frameIntervalS);
        var sigma2 = (blur * meanSquare) + (((2 * blur) - 1) * meanProduct);
        var variance = Variance(d, sigma2, frameIntervalS, steps, dimension, blur);
        return new DiffusionFit(DiffusionEstimator.Cve, d, Math.Sqrt(variance), sigma2, 0, steps);
    }

    /// <summary>Vestergaard et al.'s variance of the CVE of D (µm⁴/s²) from N steps per coordinate in d coordinates.</summary>
    public static double Variance(double d, double sigma2, double frameIntervalS, long steps, int dimension, double blur)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        var e = (sigma2 / frameIntervalS) - (2 * blur * d);
        var n = (double)steps;
        var perCoordinate = ((6 * d * d) + (4 * d * e) + (2 * e * e)) / n + (4 * (d + e) * (d + e) / (n * n));
        return perCoordinate / dimension;
    }

    private static void Accumulate(Track track, int dimension, ref double squares, ref double products, ref long steps, ref long neighbours)
    {
        var frames = track.Frames;
        for (var i = 1; i < frames.Length; i++)
        {
            if (frames[i] - frames[i - 1] != 1)
            {
                continue;
            }

            steps++;
            var hasNext = i + 1 < frames.Length && frames[i + 1] - frames[i] == 1;
            if (hasNext)
            {
                neighbours++;
            }

            for (var axis = 0; axis < dimension; axis++)
            {
                var c = track.Axis(axis);
                var step = c[i] - c[i - 1];
                squares += step * step;
                if (hasNext)
                {
                    products += step * (c[i + 1] - c[i]);
                }
            }
        }
    }
}
