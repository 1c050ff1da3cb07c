using System.Runtime.InteropServices;
using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;

namespace Perrin.Simulation.Tests.Camera;

/// <summary>
/// The camera's passes over blocks of pixels: statistics per pixel class against closed forms (5 standard errors,
/// the variance's error from the sample's own fourth moment), exact values where the model leaves no noise, and
/// frames that do not depend on how blocks fall on rows or on the thread count.
/// </summary>
public sealed class CameraPipelineTests
{
    [Fact]
    public void EachPixelClassKeepsItsMeanAndVarianceThroughPoissonReadNoiseAndMaps()
    {
        // 37 × 8: rows end inside vectors and the frame spans two blocks. Class k = i mod 4 of the pixel index.
        const int width = 37, height = 8, classes = 4;
        const double qe = 0.8;
        float[] photons = [0, 5, 50, 500];
        float[] variance = [4, 0, 9, 1];
        float[] offset = [100, 200, 300, 400];
        float[] gain = [0.5f, 1, 2, 4];
        var pixels = width * height;
        var maps = new ScmosPixelMaps(width, height, Classed(variance, pixels), Classed(offset, pixels), Classed(gain, pixels));
        var camera = new CameraModel { QuantumEfficiency = qe, PixelMaps = maps, ReadNoiseElectrons = 50, BitDepth = 16 };
        var frames = CameraTestFrames.Record(camera, Classed(photons, pixels), width, height, 2000);

        for (var k = 0; k < classes; k++)
        {
            var values = frames.Where((_, i) => i % pixels % classes == k).Select(v => (double)v).ToArray();
            var (mean, var2, m4) = Moments(values);
            var electrons = photons[k] * qe;

            // Poisson electrons + N(0, σ²), divided by the gain; rounding adds 1/12 ADU² (Sheppard) unless the
            // signal is whole electrons at 1 e⁻/ADU with no read noise, which rounding leaves exact.
            var expectedMean = (electrons / gain[k]) + offset[k];
            var exact = variance[k] == 0 && gain[k] == 1;
            var expectedVariance = ((electrons + variance[k]) / (gain[k] * gain[k])) + (exact ? 0 : 1.0 / 12);
            var n = values.Length;
            Assert.InRange(mean, expectedMean - (5 * Math.Sqrt(var2 / n)), expectedMean + (5 * Math.Sqrt(var2 / n)));
            var varianceError = Math.Sqrt((m4 - (var2 * var2)) / n);
            Assert.InRange(var2, expectedVariance - (5 * varianceError), expectedVariance + (5 * varianceError));
        }
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(200)]
    public void EmGainOfSparseLitPixelsHasVarianceTwoGSquaredN(double electrons)
    {
        // One pixel in seven is lit, so most vectors of counts are all zero and skip the register. Gamma(N, G) with
        // N Poisson(λ): mean Gλ, variance G²λ + G²λ = 2G²λ at any λ (λ = 1.5 takes the sum-of-exponentials path).
        const double gain = 50;
        const int width = 70, height = 40;
        var photons = new float[width * height];
        for (var i = 0; i < photons.Length; i += 7)
        {
            photons[i] = (float)electrons;
        }

        var camera = new CameraModel { EmGain = gain, BitDepth = 24 };
        var frames = CameraTestFrames.Record(camera, photons, width, height, 300);
        var lit = frames.Where((_, i) => i % photons.Length % 7 == 0).Select(v => (double)v).ToArray();
        Assert.All(frames.Where((_, i) => i % photons.Length % 7 != 0), v => Assert.Equal(0f, v));

        var (mean, variance, m4) = Moments(lit);
        var n = lit.Length;
        Assert.InRange(mean, (gain * electrons) - (5 * Math.Sqrt(variance / n)), (gain * electrons) + (5 * Math.Sqrt(variance / n)));
        var expected = (2 * gain * gain * electrons) + (1.0 / 12);
        var error = Math.Sqrt((m4 - (variance * variance)) / n);
        Assert.InRange(variance, expected - (5 * error), expected + (5 * error));
    }

    [Fact]
    public void ZeroPhotonPixelsWithoutReadNoiseReadTheirOffsetExactly()
    {
        var emccd = CameraModel.SmlmChallenge2016Emccd with { ReadNoiseElectrons = 0 };
        Assert.All(CameraTestFrames.Uniform(emccd, 0, 33, 9, 3), v => Assert.Equal(100f, v));

        var maps = new ScmosPixelMaps(3, 1, new float[3], new float[] { 99.6f, 100.4f, 7 });
        var scmos = CameraModel.TypicalScmos with { PixelMaps = maps };
        var frames = CameraTestFrames.Uniform(scmos, 0, 3, 1, 10);
        Assert.Equal(Enumerable.Repeat(new[] { 100f, 100f, 7f }, 10).SelectMany(v => v), frames);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(24)]
    public void BrightPixelsClampAtTheLargestAduAndNegativeReadingsAtZero(int bits)
    {
        var bright = new CameraModel { BitDepth = bits, EmGain = 1000, ReadNoiseElectrons = 3, BaselineAdu = 10 };
        Assert.All(CameraTestFrames.Uniform(bright, 1e7f, 45, 7, 2), v => Assert.Equal((float)((1 << bits) - 1), v));

        var dark = new CameraModel { BitDepth = bits, ReadNoiseElectrons = 1e6 };
        var frame = CameraTestFrames.Uniform(dark, 0, 45, 7, 2);
        Assert.All(frame, v => Assert.InRange(v, 0f, (float)((1 << bits) - 1)));
        Assert.Contains(0f, frame);
    }

    [Fact]
    public void FixedPatternFollowsRowsThatBlocksCutAcross()
    {
        // 300-pixel rows: the 256-pixel blocks start mid-row, so a row's gains and offsets come from two blocks.
        const int width = 300, height = 3;
        var columnGains = Enumerable.Range(0, width).Select(x => 1 + (0.5f * (x % 3))).ToArray();
        var columnOffsets = Enumerable.Range(0, width).Select(x => (float)(x % 5)).ToArray();
        var pattern = new FixedPatternNoise([1f, 2f, 3f], columnGains, [0f, 100f, 200f], columnOffsets);
        var camera = new CameraModel { BitDepth = 20, FixedPattern = pattern };
        var frames = CameraTestFrames.Uniform(camera, 1000, width, height, 200);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var m = SampleMoments.Of(frames, (y * width) + x, width * height);
                var electrons = 1000.0 * (y + 1) * columnGains[x];
                var expected = electrons + (100 * y) + columnOffsets[x];
                var error = Math.Sqrt(electrons / m.Count);
                Assert.InRange(m.Mean, expected - (5 * error), expected + (5 * error));
            }
        }
    }

    [Fact]
    public void FramesDoNotDependOnTheThreadCount()
    {
        var camera = CameraModel.SmlmChallenge2016Emccd with { DarkElectrons = 0.02 };
        var photons = Enumerable.Range(0, 100 * 60).Select(i => (float)(i % 11 == 0 ? 400 : i % 3)).ToArray();
        var sequential = CameraTestFrames.Record(camera, photons, 100, 60, 12);
        var parallel = new float[sequential.Length];
        Parallel.For(0, 12, new ParallelOptions { MaxDegreeOfParallelism = 4 }, f =>
            camera.Apply(photons, parallel.AsSpan(f * photons.Length, photons.Length), 100, 60, new RandomStream(11, (ulong)f)));
        Assert.Equal(MemoryMarshal.AsBytes(sequential.AsSpan()).ToArray(), MemoryMarshal.AsBytes(parallel.AsSpan()).ToArray());
    }

    [Fact]
    public void ABadPhotonCountInALaterBlockNamesItsPixel()
    {
        var photons = new float[300 * 2];
        photons[300 + 17] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => CameraModel.Ideal.Apply(photons, 300, 2, new RandomStream(1, 1)));
        Assert.Contains("(x 17, y 1)", e.Message, StringComparison.Ordinal);
    }

    private static float[] Classed(float[] values, int pixels) => [.. Enumerable.Range(0, pixels).Select(i => values[i % values.Length])];

    private static (double Mean, double Variance, double FourthMoment) Moments(double[] values)
    {
        var mean = values.Average();
        double m2 = 0, m4 = 0;
        foreach (var v in values)
        {
            var d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }

        return (mean, m2 / (values.Length - 1), m4 / values.Length);
    }
}
