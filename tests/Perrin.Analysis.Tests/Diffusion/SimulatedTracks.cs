using Perrin.Analysis.Diffusion;
using Perrin.Core.Randomness;

namespace Perrin.Analysis.Tests.Diffusion;

/// <summary>Simulated 2D tracks with known motion, drawn from <see cref="RandomStream"/>.</summary>
internal static class SimulatedTracks
{
    /// <summary>
    /// Brownian tracks in nm. Each frame's position is the mean of <paramref name="substeps"/> positions spread over
    /// the frame interval (1: instantaneous, many: continuous exposure with blur R → 1/6), plus Gaussian
    /// localization noise of <paramref name="sigmaNm"/> per coordinate and a constant drift per frame.
    /// </summary>
    public static List<Track> Brownian(
        ulong seed,
        int tracks,
        int points,
        double dUm2PerS,
        double dtS,
        double sigmaNm = 0,
        int substeps = 1,
        double driftXNm = 0,
        double driftYNm = 0,
        int firstFrame = 0)
    {
        var rng = new RandomStream(seed, 1);
        var stepNm = Math.Sqrt(2 * dUm2PerS * dtS / substeps) * 1000;
        var result = new List<Track>(tracks);
        for (var t = 0; t < tracks; t++)
        {
            var frames = new int[points];
            var x = new double[points];
            var y = new double[points];
            double px = rng.Uniform(0, 50_000), py = rng.Uniform(0, 50_000);
            for (var i = 0; i < points; i++)
            {
                double sx = 0, sy = 0;
                for (var s = 0; s < substeps; s++)
                {
                    px += stepNm * rng.Normal();
                    py += stepNm * rng.Normal();
                    sx += px;
                    sy += py;
                }

                frames[i] = firstFrame + i;
                x[i] = (sx / substeps) + (sigmaNm * rng.Normal()) + (driftXNm * (firstFrame + i));
                y[i] = (sy / substeps) + (sigmaNm * rng.Normal()) + (driftYNm * (firstFrame + i));
            }

            result.Add(new Track(t, frames, x, y));
        }

        return result;
    }

    /// <summary>
    /// Fractional Brownian motion with Hurst exponent <paramref name="hurst"/>: steps with the fractional Gaussian
    /// noise covariance, drawn through its Cholesky factor, so that ⟨(x(n) − x(0))²⟩ = s²·n^(2H) per coordinate.
    /// </summary>
    public static List<Track> Fractional(ulong seed, int tracks, int points, double hurst, double stepNm)
    {
        var n = points - 1;
        var chol = Cholesky(n, hurst);
        var rng = new RandomStream(seed, 2);
        var z = new double[n];
        var result = new List<Track>(tracks);
        for (var t = 0; t < tracks; t++)
        {
            var frames = new int[points];
            var x = new double[points];
            var y = new double[points];
            for (var i = 0; i < points; i++)
            {
                frames[i] = i;
            }

            foreach (var axis in new[] { x, y })
            {
                rng.Normal(z);
                for (var i = 0; i < n; i++)
                {
                    var step = 0.0;
                    for (var j = 0; j <= i; j++)
                    {
                        step += chol[i, j] * z[j];
                    }

                    axis[i + 1] = axis[i] + (stepNm * step);
                }
            }

            result.Add(new Track(t, frames, x, y));
        }

        return result;
    }

    private static double[,] Cholesky(int n, double hurst)
    {
        double Gamma(int k) => 0.5 * (Math.Pow(Math.Abs(k + 1), 2 * hurst) - (2 * Math.Pow(Math.Abs(k), 2 * hurst)) + Math.Pow(Math.Abs(k - 1), 2 * hurst));
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = Gamma(i - j);
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = i == j ? Math.Sqrt(sum) : sum / l[j, j];
            }
        }

        return l;
    }
}
