using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// Gamma(n, scale) for a whole number n ≥ 1, the charge an EM register makes of n electrons: −scale·ln(U₁⋯Uₙ)
/// for small n (one logarithm), Marsaglia and Tsang's rejection above with ziggurat normals, whose squeeze
/// accepts almost every draw with no logarithm at all.
/// </summary>
internal static class CountGamma
{
    /// <summary>Shapes up to this are drawn as a sum of exponentials rather than by rejection.</summary>
    private const int ExponentialSumLimit = 3;

    public static double Draw(RandomStream rng, double count, double scale)
    {
        if (count <= ExponentialSumLimit)
        {
            var product = rng.NextDoubleOpen();
            for (var i = 1; i < count; i++)
            {
                product *= rng.NextDoubleOpen();
            }

            return -scale * Math.Log(product);
        }

        // Marsaglia and Tsang, ACM TOMS 26, 363 (2000): d·(1 + c·X)³ with X normal, accepted by the squeeze
        // u < 1 − 0.0331·X⁴ or else by the exact logarithmic test.
        var d = count - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            var x = ZigguratNormal.Next(rng);
            var v = 1.0 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            var u = rng.NextDoubleOpen();
            var x2 = x * x;
            if (u < 1.0 - (0.0331 * x2 * x2) || Math.Log(u) < (0.5 * x2) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v * scale;
            }
        }
    }
}
