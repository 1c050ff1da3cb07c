using Perrin.Core.Randomness;

namespace Perrin.Core.Tests.Randomness;

public sealed class RandomStreamTests
{
    [Fact]
    public void PhiloxMatchesRandom123KnownAnswers()
    {
        Assert.Equal((0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u), Philox4x32.Block(0, 0, 0, 0, 0, 0));
        Assert.Equal(
            (0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu),
            Philox4x32.Block(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff));
        Assert.Equal(
            (0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u),
            Philox4x32.Block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0));
    }

    [Fact]
    public void TheFirstDrawsAreThePhiloxBlockOfCounterZero()
    {
        var stream = new RandomStream(seed: 0, stream: 0);
        Assert.Equal(0x6627e8d5u, stream.NextUInt32());
        Assert.Equal(0xe169c58du, stream.NextUInt32());
        Assert.Equal(0xbc57ac4cu, stream.NextUInt32());
        Assert.Equal(0x9b00dbd8u, stream.NextUInt32());
    }

    [Fact]
    public void MixedDrawsFollowThePhiloxBlockSequenceAcrossRefills()
    {
        var seed = 0x1234_5678_9ABC_DEF0UL;
        var index = 77UL;
        var expected = new List<uint>();
        for (uint block = 0; block < 60; block++)
        {
            var (a, b, c, d) = Philox4x32.Block(block, 0, (uint)index, (uint)(index >> 32), (uint)seed, (uint)(seed >> 32));
            expected.AddRange([a, b, c, d]);
        }

        var stream = new RandomStream(seed, index);
        var drawn = new List<uint>();
        var pattern = new Random(11);
        while (drawn.Count < 230)
        {
            if (pattern.Next(2) == 0)
            {
                drawn.Add(stream.NextUInt32());
            }
            else
            {
                var pair = stream.NextUInt64();
                drawn.Add((uint)(pair >> 32));
                drawn.Add((uint)pair);
            }
        }

        Assert.Equal(expected.Take(drawn.Count), drawn);
    }

    [Fact]
    public void AStreamIsAPureFunctionOfSeedIndexAndPurpose()
    {
        static double[] Draw(RandomStream s) => Enumerable.Range(0, 64).Select(_ => s.Normal()).ToArray();

        Assert.Equal(Draw(new RandomStream(42, 7)), Draw(new RandomStream(42, 7)));
        Assert.NotEqual(Draw(new RandomStream(42, 7)), Draw(new RandomStream(42, 8)));
        Assert.NotEqual(Draw(new RandomStream(42, 7)), Draw(new RandomStream(43, 7)));
        Assert.NotEqual(Draw(new RandomStream(42, 7)), Draw(new RandomStream(42, 7, purpose: 1)));
        Assert.Equal(Draw(new RandomStream(42, 7).Substream(3)), Draw(new RandomStream(42, 7).Substream(3)));
        Assert.NotEqual(Draw(new RandomStream(42, 7).Substream(3)), Draw(new RandomStream(42, 7).Substream(4)));
        Assert.NotEqual(Draw(new RandomStream(42, 7).Substream(3)), Draw(new RandomStream(42, 7)));
    }

    [Fact]
    public void ParallelStreamsGiveTheSameDrawsInAnyOrder()
    {
        var sequential = Enumerable.Range(0, 200).Select(i => new RandomStream(9, (ulong)i).Poisson(1e4)).ToArray();
        var parallel = new long[200];
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[199 - i] = new RandomStream(9, (ulong)(199 - i)).Poisson(1e4));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void UniformAndNormalHaveTheirMoments()
    {
        var s = new RandomStream(1, 0);
        const int n = 400_000;
        var (sumU, sumN, sumN2) = (0.0, 0.0, 0.0);
        for (var i = 0; i < n; i++)
        {
            var u = s.NextDouble();
            Assert.InRange(u, 0, 1 - 1e-17);
            sumU += u;
            var z = s.Normal();
            sumN += z;
            sumN2 += z * z;
        }

        // Five standard errors: the check fails only for a real bias.
        Assert.InRange(sumU / n, 0.5 - (5 * Math.Sqrt(1.0 / 12 / n)), 0.5 + (5 * Math.Sqrt(1.0 / 12 / n)));
        Assert.InRange(sumN / n, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange((sumN2 / n) - 1, -5 * Math.Sqrt(2.0 / n), 5 * Math.Sqrt(2.0 / n));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(3.0)]
    [InlineData(9.99)]
    [InlineData(10.0)]
    [InlineData(57.5)]
    [InlineData(1e4)]
    [InlineData(1e6)]
    public void PoissonHasMeanAndVarianceEqualToItsParameter(double mean)
    {
        var s = new RandomStream(2, (ulong)(mean * 100));
        const int n = 200_000;
        var (sum, sum2) = (0.0, 0.0);
        for (var i = 0; i < n; i++)
        {
            double k = s.Poisson(mean);
            sum += k;
            sum2 += k * k;
        }

        var m = sum / n;
        var variance = (sum2 / n) - (m * m);
        Assert.InRange(m, mean - (5 * Math.Sqrt(mean / n)), mean + (5 * Math.Sqrt(mean / n)));

        // The variance of the sample variance of a Poisson variable is (λ + 2λ²)/n.
        var sdVariance = Math.Sqrt((mean + (2 * mean * mean)) / n);
        Assert.InRange(variance, mean - (5 * sdVariance), mean + (5 * sdVariance));
    }

    [Fact]
    public void PoissonProbabilitiesMatchTheMassFunctionAtModerateMean()
    {
        var s = new RandomStream(3, 0);
        const int n = 300_000;
        const double mean = 12;
        var counts = new int[60];
        for (var i = 0; i < n; i++)
        {
            counts[Math.Min(59, s.Poisson(mean))]++;
        }

        for (var k = 4; k <= 20; k++)
        {
            var p = Math.Exp((-mean) + (k * Math.Log(mean)) - RandomStream.LogFactorial(k));
            var expected = n * p;
            Assert.InRange(counts[k], expected - (5 * Math.Sqrt(expected)), expected + (5 * Math.Sqrt(expected)));
        }
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(300.0, 1.0)]
    public void GammaHasMeanShapeTimesScaleAndVarianceShapeTimesScaleSquared(double shape, double scale)
    {
        var s = new RandomStream(4, 0);
        const int n = 200_000;
        var (sum, sum2) = (0.0, 0.0);
        for (var i = 0; i < n; i++)
        {
            var g = s.Gamma(shape, scale);
            Assert.True(g > 0);
            sum += g;
            sum2 += g * g;
        }

        var mean = sum / n;
        var variance = (sum2 / n) - (mean * mean);
        var expectedVariance = shape * scale * scale;
        Assert.InRange(mean, (shape * scale) - (5 * Math.Sqrt(expectedVariance / n)), (shape * scale) + (5 * Math.Sqrt(expectedVariance / n)));
        Assert.InRange(variance / expectedVariance, 0.97, 1.03);
    }

    [Fact]
    public void NextIntIsUniformOverItsRange()
    {
        var s = new RandomStream(5, 0);
        var counts = new int[7];
        const int n = 70_000;
        for (var i = 0; i < n; i++)
        {
            counts[s.NextInt(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 10_000 - (5 * 93), 10_000 + (5 * 93)));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.NextInt(0));
    }

    [Fact]
    public void InvalidParametersAreRejected()
    {
        var s = new RandomStream(6, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Poisson(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Poisson(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Gamma(0));
    }
}
