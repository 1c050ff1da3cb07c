using Perrin.Core.Randomness;
using Perrin.Simulation.Dynamics;

namespace Perrin.Simulation.Tests.Dynamics;

public sealed class FractionalBrownianMotionTests
{
    private static readonly DynamicsUnits Units = new(pixelSizeNm: 100, frameIntervalS: 0.01);

    [Theory]
    [InlineData(0.25, 1, -0.2928932188134524)]
    [InlineData(0.75, 1, 0.41421356237309515)]
    [InlineData(0.75, 2, 0.2696490866071257)]
    public void AutocovarianceMatchesTheClosedForm(double hurst, int lag, double expected)
    {
        // ½((k+1)^2H − 2k^2H + (k−1)^2H): for H = 0.25, k = 1: (√2 − 2)/2; H = 0.75, k = 1: (2√2 − 2)/2;
        // H = 0.75, k = 2: (3^1.5 − 2·2^1.5 + 1)/2.
        Assert.Equal(expected, FractionalGaussianNoise.Autocovariance(hurst, lag), 14);
        Assert.Equal(1.0, FractionalGaussianNoise.Autocovariance(hurst, 0), 14);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.75)]
    public void GeneratedNoiseHasTheExactCovarianceDeepInThePath(double hurst)
    {
        // E[X₄₀·X₄₀₊ₖ] over independent paths; for jointly normal unit-variance X, Y with covariance c,
        // Var(XY) = 1 + c², so the mean of n products has a standard error of sqrt((1 + c²)/n). Lag 0 checks that
        // the innovation variance of the Durbin–Levinson recursion keeps the variance at 1.
        const int n = 6000, length = 43;
        var random = new RandomStream(21, 0);
        var path = new double[length];
        var sums = new double[3];
        for (var i = 0; i < n; i++)
        {
            FractionalGaussianNoise.Generate(hurst, random.Substream((ulong)i), path);
            for (var k = 0; k < 3; k++)
            {
                sums[k] += path[40] * path[40 + k];
            }
        }

        for (var k = 0; k < 3; k++)
        {
            var c = FractionalGaussianNoise.Autocovariance(hurst, k);
            var band = 5 * Math.Sqrt((1 + (c * c)) / n);
            Assert.InRange(sums[k] / n, c - band, c + band);
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void MeanSquaredDisplacementGrowsAsTimeToTheAlpha(double alpha)
    {
        // MSD(t) = 4·K·t^α in 2D. Ensemble MSD from the start of n tracks at lags 1, 2, 4 … 128 frames; |r|² is
        // 2s²·Exp(1), so each estimate has a relative standard error of 1/√n (3% for n = 1000), which moves the
        // fitted log-log slope over a factor 128 by about 0.01: the ±0.05 tolerance of the task is ~5 sigma.
        // The prefactor at lag 1 is checked against 4KΔt^α within 5 standard errors.
        const double k = 0.2;
        const int n = 1000, frames = 129;
        var model = new FractionalBrownianMotion(alpha, k, Units);
        var random = new RandomStream(22, (ulong)(alpha * 10));
        var lags = new[] { 1, 2, 4, 8, 16, 32, 64, 128 };
        var msd = new double[lags.Length];
        for (var i = 0; i < n; i++)
        {
            var track = model.Track(new ParticlePosition(5, 5), frames, random.Substream((ulong)i));
            for (var j = 0; j < lags.Length; j++)
            {
                var dx = (track[lags[j]].X - 5) * 0.1;
                var dy = (track[lags[j]].Y - 5) * 0.1;
                msd[j] += ((dx * dx) + (dy * dy)) / n;
            }
        }

        var logT = lags.Select(l => Math.Log(l)).ToArray();
        var logMsd = msd.Select(m => Math.Log(m)).ToArray();
        var meanT = logT.Average();
        var meanM = logMsd.Average();
        var slope = logT.Zip(logMsd, (t, m) => (t - meanT) * (m - meanM)).Sum() / logT.Sum(t => (t - meanT) * (t - meanT));
        Assert.InRange(slope, alpha - 0.05, alpha + 0.05);

        var expected = 4 * k * Math.Pow(Units.FrameIntervalS, alpha);
        var band = 5 * expected / Math.Sqrt(n);
        Assert.InRange(msd[0], expected - band, expected + band);
    }

    [Fact]
    public void ZMovesInNanometresIn3D()
    {
        // Var z(1 frame) = 2·K·Δt^α µm², in nm².
        const double k = 0.05, alpha = 0.7;
        const int n = 4000;
        var model = new FractionalBrownianMotion(alpha, k, Units, dimensions: 3);
        var random = new RandomStream(23, 0);
        var sum = Enumerable.Range(0, n).Sum(i => Math.Pow(model.Track(default, 2, random.Substream((ulong)i))[1].Z, 2)) / n;
        var expected = 2 * k * Math.Pow(Units.FrameIntervalS, alpha) * 1e6;
        var band = 5 * expected * Math.Sqrt(2.0 / n);
        Assert.InRange(sum, expected - band, expected + band);
    }

    [Fact]
    public void HalfHurstIsOrdinaryBrownianMotionAndTheStreamDecides()
    {
        var noise = new double[200];
        FractionalGaussianNoise.Generate(0.5, new RandomStream(24, 1), noise);
        var reference = new RandomStream(24, 1);
        Assert.All(noise, v => Assert.Equal(reference.Normal(), v, 12));

        var model = new FractionalBrownianMotion(1.3, 0.1, Units);
        Assert.Equal(model.Track(default, 64, new RandomStream(3, 3)), model.Track(default, 64, new RandomStream(3, 3)));
        Assert.NotEqual(model.Track(default, 64, new RandomStream(3, 3)), model.Track(default, 64, new RandomStream(3, 4)));
    }

    [Fact]
    public void RejectsAlphaOutsideTheOpenInterval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FractionalBrownianMotion(0, 1, Units));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FractionalBrownianMotion(2, 1, Units));
        Assert.Throws<ArgumentException>(() => new FractionalBrownianMotion(1, 1, Units).Start(default).Advance(new RandomStream(1, 1), new ParticlePosition[1]));
    }
}
