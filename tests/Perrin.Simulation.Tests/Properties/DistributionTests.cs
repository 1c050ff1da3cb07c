using Perrin.Core.Randomness;
using Perrin.Simulation.Properties;

namespace Perrin.Simulation.Tests.Properties;

/// <summary>
/// Support and first two moments of every distribution, within 5 standard errors over 200 000 draws
/// (the standard error of the variance uses the distribution's fourth central moment).
/// </summary>
public class DistributionTests
{
    private const int N = 200_000;

    private static double[] Draws(PropertySpec spec, ulong seed = 11)
    {
        var stream = new RandomStream(seed, 0);
        var values = new double[N];
        for (var i = 0; i < N; i++)
        {
            values[i] = spec.Draw(stream, []).Number;
        }

        return values;
    }

    private static void AssertMoments(double[] values, double mean, double variance, double fourthCentral)
    {
        var m = values.Average();
        var v = values.Sum(x => (x - m) * (x - m)) / (values.Length - 1);
        Assert.True(Math.Abs(m - mean) < 5 * Math.Sqrt(variance / values.Length), $"mean {m}, expected {mean}");
        var varianceError = Math.Sqrt((fourthCentral - (variance * variance)) / values.Length);
        Assert.True(Math.Abs(v - variance) < 5 * varianceError, $"variance {v}, expected {variance}");
    }

    [Fact]
    public void UniformStaysInItsIntervalWithTheRightMoments()
    {
        var values = Draws(new UniformSpec(-2, 6));
        Assert.All(values, x => Assert.True(x >= -2 && x < 6));
        var variance = 64.0 / 12;
        AssertMoments(values, 2, variance, 1.8 * variance * variance);
    }

    [Fact]
    public void NormalHasItsMeanAndVariance()
    {
        AssertMoments(Draws(new NormalSpec(5, 3)), 5, 9, 3 * 81);
    }

    [Theory]
    [InlineData(-1.0, 2.0)]
    [InlineData(-0.2, 0.3)]
    [InlineData(1.5, 2.0)]
    [InlineData(2.0, 6.0)]
    [InlineData(5.0, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, -4.0)]
    [InlineData(0.0, double.PositiveInfinity)]
    public void TruncatedNormalMatchesTheTruncatedDensity(double alpha, double beta)
    {
        const double mean = 100, sd = 20;
        double? min = double.IsInfinity(alpha) ? null : mean + (sd * alpha);
        double? max = double.IsInfinity(beta) ? null : mean + (sd * beta);
        var values = Draws(new NormalSpec(mean, sd, min, max));

        Assert.All(values, x => Assert.True(x >= (min ?? double.MinValue) && x <= (max ?? double.MaxValue)));
        var (m1, m2, m4) = TruncatedMoments(alpha, beta);
        AssertMoments(values, mean + (sd * m1), sd * sd * m2, Math.Pow(sd, 4) * m4);
    }

    /// <summary>Mean, variance and fourth central moment of a standard normal truncated to [a, b], by Simpson's rule on the density.</summary>
    private static (double Mean, double Variance, double Fourth) TruncatedMoments(double a, double b)
    {
        var low = Math.Max(a, -40);
        var high = Math.Min(b, 40);
        const int steps = 200_000;
        var h = (high - low) / steps;
        double Integral(Func<double, double> f)
        {
            var sum = f(low) + f(high);
            for (var i = 1; i < steps; i++)
            {
                sum += (i % 2 == 1 ? 4 : 2) * f(low + (i * h));
            }

            return sum * h / 3;
        }

        double Phi(double z) => Math.Exp(-0.5 * z * z);
        var mass = Integral(Phi);
        var mean = Integral(z => z * Phi(z)) / mass;
        var variance = Integral(z => (z - mean) * (z - mean) * Phi(z)) / mass;
        var fourth = Integral(z => Math.Pow(z - mean, 4) * Phi(z)) / mass;
        return (mean, variance, fourth);
    }

    [Fact]
    public void LogUniformHasAUniformLogarithm()
    {
        var values = Draws(new LogUniformSpec(500, 10000));
        Assert.All(values, x => Assert.InRange(x, 500, 10000));
        var logs = values.Select(x => Math.Log(x)).ToArray();
        var width = Math.Log(10000) - Math.Log(500);
        var variance = width * width / 12;
        AssertMoments(logs, (Math.Log(500) + Math.Log(10000)) / 2, variance, 1.8 * variance * variance);
    }

    [Fact]
    public void PoissonHasEqualMeanAndVariance()
    {
        foreach (var mean in new[] { 3.5, 80.0 })
        {
            var values = Draws(new PoissonSpec(mean));
            Assert.All(values, x => Assert.True(x >= 0 && Math.Floor(x) == x));
            AssertMoments(values, mean, mean, mean * (1 + (3 * mean)));
        }
    }

    [Fact]
    public void IntegerUniformHitsEveryIntegerOfItsRangeEqually()
    {
        var values = Draws(new IntegerUniformSpec(-3, 6));
        Assert.All(values, x => Assert.True(x >= -3 && x <= 6 && Math.Floor(x) == x));
        Assert.Equal(10, values.Distinct().Count());
        const double n = 10;
        var variance = ((n * n) - 1) / 12;
        var fourth = ((n * n) - 1) * ((3 * n * n) - 7) / 240;
        AssertMoments(values, 1.5, variance, fourth);
    }

    [Fact]
    public void WeightedChoiceFollowsItsWeights()
    {
        var spec = new ChoiceSpec(new ValueList<PropertyValue>([PropertyValue.Of("a"), PropertyValue.Of("b"), PropertyValue.Of("c")]), new ValueList<double>([1, 0, 3]));
        var stream = new RandomStream(5, 0);
        var counts = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 0 };
        for (var i = 0; i < N; i++)
        {
            counts[spec.Draw(stream, []).Text!]++;
        }

        Assert.Equal(0, counts["b"]);
        var sigma = Math.Sqrt(N * 0.25 * 0.75);
        Assert.True(Math.Abs(counts["a"] - (N * 0.25)) < 5 * sigma, $"a drawn {counts["a"]} times");
    }

    [Fact]
    public void UnweightedChoiceIsUniformOverItsValues()
    {
        var values = Draws(new ChoiceSpec(new ValueList<PropertyValue>([PropertyValue.Of(1), PropertyValue.Of(2), PropertyValue.Of(3), PropertyValue.Of(4)])));
        Assert.All(values, x => Assert.Contains(x, new[] { 1.0, 2, 3, 4 }));
        AssertMoments(values, 2.5, 1.25, ((1.5 * 1.5 * 1.5 * 1.5) + (0.5 * 0.5 * 0.5 * 0.5)) / 2);
    }

    [Fact]
    public void InvalidParametersAreReportedNotDrawn()
    {
        Assert.Equal("uniform needs finite low < high, not [3, 3]", new UniformSpec(3, 3).Check());
        Assert.Equal("log_uniform needs finite 0 < low < high, not [0, 10]", new LogUniformSpec(0, 10).Check());
        Assert.Equal("normal needs a finite mean and sd > 0, not mean 0 and sd -1", new NormalSpec(0, -1).Check());
        Assert.Equal("normal truncation needs min < max, not [2, 1]", new NormalSpec(0, 1, 2, 1).Check());
        Assert.Equal("choice has 2 values but 1 weights", new ChoiceSpec(new ValueList<PropertyValue>([PropertyValue.Of(1), PropertyValue.Of(2)]), new ValueList<double>([1])).Check());
        Assert.Equal("poisson needs a mean in [0, 1000000000000000], not -1", new PoissonSpec(-1).Check());
        Assert.Null(new NormalSpec(0, 1, 40, 41).Check());
    }
}
