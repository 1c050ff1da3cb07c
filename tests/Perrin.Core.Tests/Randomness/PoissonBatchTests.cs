using Perrin.Core.Randomness;

namespace Perrin.Core.Tests.Randomness;

public sealed class PoissonBatchTests
{
    [Fact]
    public void EveryWidthDrawsTheSameCounts()
    {
        var pattern = new Random(12);

        // Means on both sides of the inversion limit, zeros, and an odd length so every tail path runs.
        var means = Enumerable.Range(0, 5_003).Select(i => (i % 7) switch
        {
            0 => 0.0,
            1 => 9.5 + pattern.NextDouble(),
            2 => 1e6 * pattern.NextDouble(),
            _ => 12 * pattern.NextDouble(),
        }).ToArray();
        var reference = Draw(means, SimdWidth.Scalar);
        foreach (var width in new[] { SimdWidth.Vector256, SimdWidth.Vector512 }.Where(SimdSupport.Runs))
        {
            Assert.Equal(reference, Draw(means, width));
        }

        Assert.Equal(reference, Draw(means, SimdSupport.Widest, (rng, m, c) => rng.Poisson(m, c)));
    }

    [Fact]
    public void CountsCanOverwriteTheirMeans()
    {
        var means = Enumerable.Range(0, 700).Select(i => i * 0.05).ToArray();
        var expected = new double[means.Length];
        new RandomStream(1, 2).Poisson(means, expected);
        new RandomStream(1, 2).Poisson(means, means);
        Assert.Equal(expected, means);
    }

    [Fact]
    public void ZeroMeansGiveZeroAndBadMeansAreRejected()
    {
        var counts = new double[300];
        new RandomStream(1, 3).Poisson(new double[300], counts);
        Assert.All(counts, c => Assert.Equal(0.0, c));

        foreach (var bad in new[] { -1e-9, double.NaN, double.PositiveInfinity })
        {
            var means = new double[300];
            means[299] = bad;
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomStream(1, 3).Poisson(means, counts));
            Assert.Contains("means[299]", error.Message, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentException>(() => new RandomStream(1, 3).Poisson(new double[3], new double[4]));
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(0.3)]
    [InlineData(3.0)]
    [InlineData(9.99)]
    [InlineData(10.0)]
    [InlineData(10.01)]
    [InlineData(57.5)]
    [InlineData(1e4)]
    [InlineData(1e6)]
    public void CountsHaveMeanAndVarianceEqualToTheirParameter(double mean)
    {
        const int n = 200_000;
        var counts = new double[n];
        new RandomStream(21, (ulong)(mean * 1000)).Poisson(Enumerable.Repeat(mean, n).ToArray(), counts);
        var m = counts.Average();
        var variance = counts.Sum(k => (k - m) * (k - m)) / (n - 1);
        Assert.InRange(m, mean - (5 * Math.Sqrt(mean / n)), mean + (5 * Math.Sqrt(mean / n)));

        // The variance of the sample variance of a Poisson variable is (λ + 2λ²)/n.
        var sdVariance = Math.Sqrt((mean + (2 * mean * mean)) / n);
        Assert.InRange(variance, mean - (5 * sdVariance), mean + (5 * sdVariance));
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(4.2)]
    [InlineData(9.9)]
    [InlineData(10.1)]
    [InlineData(31.0)]
    public void CountsFollowTheMassFunction(double mean)
    {
        // χ² over the bins with at least 20 expected counts, the rest pooled into both tails. With about 30 degrees
        // of freedom the 1e-6 quantile is below 90; a broken search or exponential moves it into the thousands.
        const int n = 400_000;
        var counts = new double[n];
        new RandomStream(22, (ulong)(mean * 10)).Poisson(Enumerable.Repeat(mean, n).ToArray(), counts);
        var histogram = new long[200];
        foreach (var k in counts)
        {
            histogram[(int)Math.Min(199, k)]++;
        }

        var pmf = Enumerable.Range(0, 200).Select(k => Math.Exp(-mean + (k * Math.Log(mean)) - RandomStream.LogFactorial(k))).ToArray();
        var bins = Enumerable.Range(0, 200).Where(k => n * pmf[k] >= 20).ToArray();
        double chi2 = 0;
        foreach (var k in bins)
        {
            chi2 += Square(histogram[k] - (n * pmf[k])) / (n * pmf[k]);
        }

        var lowP = pmf.Take(bins[0]).Sum();
        var highP = 1 - pmf.Take(bins[^1] + 1).Sum();
        var low = histogram.Take(bins[0]).Sum();
        var high = histogram.Skip(bins[^1] + 1).Sum();
        chi2 += (lowP > 0 ? Square(low - (n * lowP)) / (n * lowP) : low) + (highP > 0 ? Square(high - (n * highP)) / (n * highP) : high);
        Assert.True(chi2 < 90, $"χ² {chi2:F1} over {bins.Length + 2} bins at mean {mean}");
    }

    private static double Square(double x) => x * x;

    private static double[] Draw(double[] means, SimdWidth width, Action<RandomStream, double[], double[]>? draw = null)
    {
        var counts = new double[means.Length];
        var rng = new RandomStream(77, 3, 9);
        (draw ?? ((r, m, c) => PoissonBatch.Sample(r, m, c, width)))(rng, means, counts);
        return counts;
    }
}
