using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;

namespace Perrin.Simulation.Tests.Camera;

/// <summary>
/// The ziggurat's draws against the standard normal. Two-sided tail probabilities P(|Z| &gt; a) = erfc(a/√2) are
/// from Python's math.erfc; a = 3.442619855899 is where the ziggurat's tail code takes over, a = 0.27232 is the top
/// layer's edge (every draw there goes through the wedge test). Bands are 5 standard errors.
/// </summary>
public sealed class ZigguratNormalTests
{
    public static TheoryData<double, double> Tails => new()
    {
        { 0.27232086481396467, 0.7853753144446107 },
        { 0.5, 0.6170750774519738 },
        { 1, 0.31731050786291415 },
        { 2, 0.04550026389635844 },
        { 3, 0.0026997960632601913 },
        { 3.442619855899, 0.0005761085123916405 },
        { 4, 6.334248366623993e-05 },
    };

    [Fact]
    public void BulkDrawsHaveTheMomentsOfAStandardNormal()
    {
        var z = Draws(4_000_000, bulk: true);
        double sum = 0, sum2 = 0, sum4 = 0;
        foreach (var v in z)
        {
            sum += v;
            sum2 += v * v;
            sum4 += v * v * v * v;
        }

        var n = (double)z.Length;

        // Var(Z²) = 2 and Var(Z⁴) = E Z⁸ − 9 = 96.
        Assert.InRange(sum / n, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange(sum2 / n, 1 - (5 * Math.Sqrt(2 / n)), 1 + (5 * Math.Sqrt(2 / n)));
        Assert.InRange(sum4 / n, 3 - (5 * Math.Sqrt(96 / n)), 3 + (5 * Math.Sqrt(96 / n)));
        var positive = z.Count(v => v > 0) / n;
        Assert.InRange(positive, 0.5 - (2.5 / Math.Sqrt(n)), 0.5 + (2.5 / Math.Sqrt(n)));
    }

    [Theory]
    [MemberData(nameof(Tails))]
    public void BulkDrawsHaveTheNormalTails(double a, double probability) => AssertTail(Draws(4_000_000, bulk: true), a, probability);

    [Theory]
    [MemberData(nameof(Tails))]
    public void SingleDrawsHaveTheNormalTails(double a, double probability) => AssertTail(Draws(2_000_000, bulk: false), a, probability);

    [Fact]
    public void TheSameStreamGivesTheSameDraws()
    {
        Assert.Equal(Draws(1000, bulk: true), Draws(1000, bulk: true));
        Assert.Equal(Draws(1000, bulk: false), Draws(1000, bulk: false));
    }

    private static double[] Draws(int count, bool bulk)
    {
        var rng = new RandomStream(21, 4);
        var z = new double[count];
        if (bulk)
        {
            ZigguratNormal.Fill(rng, z);
        }
        else
        {
            for (var i = 0; i < z.Length; i++)
            {
                z[i] = ZigguratNormal.Next(rng);
            }
        }

        return z;
    }

    private static void AssertTail(double[] z, double a, double probability)
    {
        var fraction = z.Count(v => Math.Abs(v) > a) / (double)z.Length;
        var error = Math.Sqrt(probability * (1 - probability) / z.Length);
        Assert.InRange(fraction, probability - (5 * error), probability + (5 * error));
    }
}
