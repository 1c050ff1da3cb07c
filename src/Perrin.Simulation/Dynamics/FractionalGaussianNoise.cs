using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// Unit-variance fractional Gaussian noise: the increments of fractional Brownian motion with Hurst exponent H,
/// whose autocovariance at lag k is ½(|k+1|^2H − 2|k|^2H + |k−1|^2H).
/// </summary>
public static class FractionalGaussianNoise
{
    public static double Autocovariance(double hurst, int lag)
    {
        double k = Math.Abs(lag);
        var twoH = 2 * hurst;
        return 0.5 * (Math.Pow(k + 1, twoH) - (2 * Math.Pow(k, twoH)) + Math.Pow(Math.Abs(k - 1), twoH));
    }

    /// <summary>Fills <paramref name="output"/> with one exact fGn path (Hosking's method, O(n²) time).</summary>
    public static void Generate(double hurst, RandomStream random, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(random);
        var generator = new FractionalNoiseGenerator(hurst, output.Length);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = generator.Next(random);
        }
    }
}
