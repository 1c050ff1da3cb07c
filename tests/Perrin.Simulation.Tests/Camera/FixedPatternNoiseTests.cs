using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;

namespace Perrin.Simulation.Tests.Camera;

public sealed class FixedPatternNoiseTests
{
    [Fact]
    public void RowAndColumnGainsMultiplyTheSignalAndOffsetsAddAdu()
    {
        var pattern = new FixedPatternNoise([1f, 1.5f], [1f, 2f], [0f, 10f], [0f, 100f]);
        var camera = new CameraModel { BitDepth = 20, DarkElectrons = 4, FixedPattern = pattern };
        var frames = CameraTestFrames.Uniform(camera, 1e4f, 2, 2, 4000);
        double[] expected = [1e4 + 4, (2e4) + 4 + 100, (1.5e4) + 4 + 10, (3e4) + 4 + 110];
        for (var p = 0; p < 4; p++)
        {
            var m = SampleMoments.Of(frames, p, 4);
            Assert.InRange(m.Mean, expected[p] - (5 * m.MeanError), expected[p] + (5 * m.MeanError));
        }
    }

    [Fact]
    public void APatternIsDrawnOnceFromItsStreamAndHasTheRequestedSpread()
    {
        FixedPatternNoise Draw() => FixedPatternNoise.Generate(3000, 2000, new RandomStream(8, 0), rowGainSigma: 0.01, columnGainSigma: 0.02, rowOffsetSigmaAdu: 1, columnOffsetSigmaAdu: 3);
        var a = Draw();
        Assert.Equal(a.RowGains.ToArray(), Draw().RowGains.ToArray());
        Assert.Equal(a.ColumnOffsetsAdu.ToArray(), Draw().ColumnOffsetsAdu.ToArray());
        Assert.Equal((3000, 2000), (a.Width, a.Height));

        // Standard deviation of a normal sample of n: relative error 1/sqrt(2n); 5σ bands.
        AssertSpread(a.RowGains, 1, 0.01);
        AssertSpread(a.ColumnGains, 1, 0.02);
        AssertSpread(a.RowOffsetsAdu, 0, 1);
        AssertSpread(a.ColumnOffsetsAdu, 0, 3);
    }

    [Fact]
    public void TheSameCameraPatternRepeatsFrameAfterFrameWhileShotNoiseDoesNot()
    {
        var pattern = FixedPatternNoise.Generate(64, 64, new RandomStream(2, 0), rowGainSigma: 0.05, columnGainSigma: 0.05);
        var camera = CameraModel.Iscat with { FixedPattern = pattern };
        var frames = CameraTestFrames.Uniform(camera, 1e5f, 64, 64, 2);
        var first = frames.AsSpan(0, 4096);
        var second = frames.AsSpan(4096);
        Assert.False(first.SequenceEqual(second));

        // Pattern (~5 % of 6·10⁴ e⁻) dwarfs shot noise (0.4 %), so the two frames correlate almost perfectly.
        var (ma, mb) = (SampleMoments.Of(first), SampleMoments.Of(second));
        double covariance = 0;
        for (var i = 0; i < 4096; i++)
        {
            covariance += (first[i] - ma.Mean) * (second[i] - mb.Mean);
        }

        Assert.True(covariance / 4095 / Math.Sqrt(ma.Variance * mb.Variance) > 0.95);
    }

    [Fact]
    public void BadPatternsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new FixedPatternNoise([1f, 0f], [1f], [0f, 0f], [0f]));
        Assert.Equal("rowGains", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => new FixedPatternNoise([1f], [1f], [0f, 0f], [0f]));
        Assert.Equal("rowOffsetsAdu", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => FixedPatternNoise.Generate(4, 4, new RandomStream(1, 1), rowGainSigma: double.NaN));
        Assert.Equal("rowGainSigma", e.ParamName);
    }

    private static void AssertSpread(ReadOnlySpan<float> values, double mean, double sigma)
    {
        var m = SampleMoments.Of(values);
        Assert.InRange(m.Mean, mean - (5 * sigma / Math.Sqrt(m.Count)), mean + (5 * sigma / Math.Sqrt(m.Count)));
        var relative = 5 / Math.Sqrt(2.0 * m.Count);
        Assert.InRange(Math.Sqrt(m.Variance), sigma * (1 - relative), sigma * (1 + relative));
    }
}
