using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// Cheaper exact draws for the counts a camera sees most: the camera loop spends its time in the random stream,
/// so these use fewer uniforms than the general-purpose draws where the mean or shape is small.
/// </summary>
internal static class CountingDraws
{
    /// <summary>Below this mean, inversion costs one uniform against the mean + 1 of multiplying uniforms.</summary>
    public const double InversionLimit = 10;

    /// <summary>Far beyond any count a mean below <see cref="InversionLimit"/> reaches (P &lt; 10⁻¹⁰⁰).</summary>
    private const int InversionSteps = 200;

    /// <summary>Shapes up to this are drawn as a sum of exponentials (one logarithm) rather than by rejection.</summary>
    private const int ExponentialSumLimit = 3;

    // The search multiplies by 1/k instead of dividing by k: each step waits on the previous one, and a
    // multiplication's latency is a fraction of a division's.
    private static readonly double[] InverseCounts = Enumerable.Range(0, InversionSteps + 1).Select(k => k == 0 ? 0.0 : 1.0 / k).ToArray();

    /// <summary>Poisson count: sequential-search inversion below <see cref="InversionLimit"/>, PTRS above.</summary>
    public static double Poisson(RandomStream rng, double mean)
    {
        if (mean >= InversionLimit)
        {
            return rng.Poisson(mean);
        }

        var u = rng.NextDouble();
        var probability = Math.Exp(-mean);
        var cumulative = probability;
        var k = 0;
        var inverse = InverseCounts;
        while (u >= cumulative && k < InversionSteps)
        {
            k++;
            probability *= mean * inverse[k];
            cumulative += probability;
        }

        return k;
    }

    /// <summary>Gamma(shape n, scale) for a whole number n ≥ 1: −scale·ln(U₁⋯Uₙ) for small n, rejection above.</summary>
    public static double GammaOfCount(RandomStream rng, double count, double scale)
    {
        if (count > ExponentialSumLimit)
        {
            return rng.Gamma(count, scale);
        }

        var product = rng.NextDoubleOpen();
        for (var i = 1; i < count; i++)
        {
            product *= rng.NextDoubleOpen();
        }

        return -scale * Math.Log(product);
    }
}
