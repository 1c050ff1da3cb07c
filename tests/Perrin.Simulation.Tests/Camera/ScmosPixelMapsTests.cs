using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;

namespace Perrin.Simulation.Tests.Camera;

public sealed class ScmosPixelMapsTests
{
    [Fact]
    public void EachPixelKeepsItsOwnReadNoiseVarianceAndOffset()
    {
        // 4×2 sensor in the dark, 0.1 e⁻/ADU so the variance in ADU² is var_e / 0.01 (+ 1/12 quantization of a
        // spread-out signal; a noiseless pixel reads its integer offset every time).
        float[] variance = [0.25f, 1, 4, 25, 100, 0, 9, 2];
        float[] offset = [1000, 1100, 900, 2000, 1500, 1200, 1050, 1010];
        var camera = new CameraModel { ElectronsPerAdu = 0.1, BaselineAdu = 1000, ReadNoiseElectrons = 50, PixelMaps = new ScmosPixelMaps(4, 2, variance, offset) };
        var frames = CameraTestFrames.Uniform(camera, 0, 4, 2, 20_000);

        for (var p = 0; p < 8; p++)
        {
            var m = SampleMoments.Of(frames, p, 8);
            var expected = variance[p] == 0 ? 0 : (variance[p] / 0.01) + (1.0 / 12);
            var error = expected * Math.Sqrt(2.0 / m.Count);
            Assert.InRange(m.Variance, expected - (5 * error), expected + (5 * error));
            Assert.InRange(m.Mean, offset[p] - (5 * m.MeanError) - 0.01, offset[p] + (5 * m.MeanError) + 0.01);
        }
    }

    [Fact]
    public void AGainMapScalesEachPixel()
    {
        float[] gains = [0.5f, 1, 2, 4];
        var maps = new ScmosPixelMaps(2, 2, new float[4], new float[] { 10, 20, 30, 40 }, gains);
        var camera = new CameraModel { PixelMaps = maps, BitDepth = 20 };
        var frames = CameraTestFrames.Uniform(camera, 1000, 2, 2, 5000);
        for (var p = 0; p < 4; p++)
        {
            var m = SampleMoments.Of(frames, p, 4);
            var expected = (1000 / gains[p]) + (10 * (p + 1));
            Assert.InRange(m.Mean, expected - (5 * m.MeanError), expected + (5 * m.MeanError));
        }
    }

    [Fact]
    public void GeneratedMapsHaveALogNormalReadNoiseAroundTheMedian()
    {
        var maps = ScmosPixelMaps.Generate(128, 128, new RandomStream(5, 0), medianReadNoiseElectrons: 1.4, readNoiseLogSpread: 0.35, offsetMeanAdu: 100, offsetSigmaAdu: 2, gainRelativeSigma: 0.01);
        var logSigma = maps.ReadNoiseVariance.ToArray().Select(v => 0.5 * Math.Log(v)).ToArray();
        var m = SampleMoments.Of(logSigma.Select(v => (float)v).ToArray());
        Assert.InRange(m.Mean, Math.Log(1.4) - 0.01, Math.Log(1.4) + 0.01);
        Assert.InRange(Math.Sqrt(m.Variance), 0.34, 0.36);
        var offsets = SampleMoments.Of(maps.OffsetAdu);
        Assert.InRange(offsets.Mean, 99.95, 100.05);
        Assert.InRange(Math.Sqrt(offsets.Variance), 1.95, 2.05);
        Assert.True(maps.HasGainMap);
        Assert.InRange(SampleMoments.Of(maps.ElectronsPerAdu).Mean, 0.46 * 0.999, 0.46 * 1.001);
        Assert.Equal(maps.ReadNoiseVariance.ToArray(), ScmosPixelMaps.Generate(128, 128, new RandomStream(5, 0), 1.4, 0.35, 100, 2, gainRelativeSigma: 0.01).ReadNoiseVariance.ToArray());
    }

    [Fact]
    public void BadMapsAreRejectedNamingTheMap()
    {
        var e = Assert.Throws<ArgumentException>(() => new ScmosPixelMaps(2, 1, new float[] { 1, -1 }, new float[2]));
        Assert.Equal("readNoiseVariance", e.ParamName);
        Assert.Contains("readNoiseVariance[1]", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new ScmosPixelMaps(2, 1, new float[2], new float[] { float.NaN, 0 }));
        Assert.Equal("offsetAdu", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => new ScmosPixelMaps(2, 1, new float[2], new float[2], new float[] { 1, 0 }));
        Assert.Equal("electronsPerAdu", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => new ScmosPixelMaps(3, 1, new float[2], new float[3]));
        Assert.Equal("readNoiseVariance", e.ParamName);
    }
}
