using System.Runtime.InteropServices;
using Perrin.Core.Randomness;
using Perrin.Simulation.Camera;

namespace Perrin.Simulation.Tests.Camera;

public sealed class CameraModelTests
{
    [Fact]
    public void SmlmChallengePresetHasThePublishedSettings()
    {
        var c = CameraModel.SmlmChallenge2016Emccd;
        Assert.Equal((0.9, 300.0, 74.4, 45.0, 100.0, 16), (c.QuantumEfficiency, c.EmGain, c.ReadNoiseElectrons, c.ElectronsPerAdu, c.BaselineAdu, c.BitDepth));
        Assert.Equal(65535, c.MaxAdu);
        Assert.Equal(1, CameraModel.TypicalScmos.EmGain);
        Assert.Equal(1, CameraModel.Iscat.EmGain);
        Assert.InRange(CameraModel.Iscat.FullWellElectrons, 1e5, 1e6);
    }

    [Fact]
    public void OutputIsWholeNumbersOfAdu()
    {
        var frame = CameraTestFrames.Uniform(CameraModel.SmlmChallenge2016Emccd, 13.7f, 64, 64, 1);
        Assert.All(frame, v => Assert.Equal(Math.Round(v), v));
        Assert.True(frame.Distinct().Count() > 50);
    }

    [Fact]
    public void BitDepthSaturatesExactlyAtItsLimit()
    {
        var frame = CameraTestFrames.Uniform(new CameraModel { BitDepth = 12, ReadNoiseElectrons = 3 }, 1e7f, 32, 32, 1);
        Assert.All(frame, v => Assert.Equal(4095f, v));
    }

    [Fact]
    public void FullWellClipsTheChargeBeforeConversion()
    {
        var camera = new CameraModel { FullWellElectrons = 1000, ElectronsPerAdu = 2, BaselineAdu = 10 };
        var frame = CameraTestFrames.Uniform(camera, 1e6f, 32, 32, 1);
        Assert.All(frame, v => Assert.Equal(510f, v));
    }

    [Fact]
    public void NegativeReadingsClampToZero()
    {
        var frame = CameraTestFrames.Uniform(new CameraModel { ReadNoiseElectrons = 10 }, 0, 64, 64, 1);
        Assert.Equal(0f, frame.Min());
        Assert.InRange(frame.Count(v => v == 0) / (double)frame.Length, 0.45, 0.56);
        Assert.True(frame.Max() > 10);
    }

    [Fact]
    public void TheSameStreamGivesTheSameBytesAndOtherStreamsDiffer()
    {
        var camera = CameraModel.SmlmChallenge2016Emccd with { DarkElectrons = 0.1 };
        var photons = Enumerable.Range(0, 48 * 32).Select(i => (float)(i % 97)).ToArray();
        byte[] Run(ulong seed, ulong stream)
        {
            var adu = new float[photons.Length];
            camera.Apply(photons, adu, 48, 32, new RandomStream(seed, stream));
            return MemoryMarshal.AsBytes(adu.AsSpan()).ToArray();
        }

        Assert.Equal(Run(3, 9), Run(3, 9));
        Assert.NotEqual(Run(3, 9), Run(3, 10));
        Assert.NotEqual(Run(3, 9), Run(4, 9));
    }

    [Fact]
    public void InPlaceGivesTheSameFrameAsSeparateBuffers()
    {
        var photons = Enumerable.Range(0, 40 * 30).Select(i => (float)(i % 23) * 3).ToArray();
        var separate = new float[photons.Length];
        CameraModel.TypicalScmos.Apply(photons, separate, 40, 30, new RandomStream(1, 2));
        var inPlace = (float[])photons.Clone();
        CameraModel.TypicalScmos.Apply(inPlace, 40, 30, new RandomStream(1, 2));
        Assert.Equal(separate, inPlace);
    }

    [Theory]
    [InlineData("QuantumEfficiency")]
    [InlineData("DarkElectrons")]
    [InlineData("EmGain")]
    [InlineData("ReadNoiseElectrons")]
    [InlineData("ElectronsPerAdu")]
    [InlineData("BaselineAdu")]
    [InlineData("FullWellElectrons")]
    public void NaNSettingsAreRejectedNamingTheField(string field)
    {
        var e = Assert.Throws<ArgumentException>(() => With(field, double.NaN));
        Assert.Equal(field, e.ParamName);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QuantumEfficiency", 1.2)]
    [InlineData("QuantumEfficiency", 0)]
    [InlineData("QuantumEfficiency", -0.5)]
    [InlineData("ElectronsPerAdu", -45)]
    [InlineData("ElectronsPerAdu", 0)]
    [InlineData("EmGain", -300)]
    [InlineData("EmGain", 0.5)]
    [InlineData("EmGain", double.PositiveInfinity)]
    [InlineData("DarkElectrons", -0.1)]
    [InlineData("ReadNoiseElectrons", -1)]
    [InlineData("BaselineAdu", -100)]
    [InlineData("FullWellElectrons", 0)]
    public void OutOfRangeSettingsAreRejectedNamingTheField(string field, double value)
    {
        var e = Assert.Throws<ArgumentException>(() => With(field, value));
        Assert.Equal(field, e.ParamName);
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.CurrentCulture), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void BitDepthOutsideOneToTwentyFourIsRejected(int bits)
    {
        var e = Assert.Throws<ArgumentException>(() => new CameraModel { BitDepth = bits });
        Assert.Equal("BitDepth", e.ParamName);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(-1f)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(1e13f)]
    public void BadPhotonCountsAreRejectedNamingThePixel(float bad)
    {
        var photons = new float[12];
        photons[7] = bad;
        var e = Assert.Throws<ArgumentException>(() => new CameraModel().Apply(photons, 4, 3, new RandomStream(1, 1)));
        Assert.Equal("photons", e.ParamName);
        Assert.Contains("(x 3, y 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MismatchedSizesAreRejected()
    {
        var rng = new RandomStream(1, 1);
        Assert.Throws<ArgumentException>(() => new CameraModel().Apply(new float[12], new float[12], 5, 3, rng));
        Assert.Throws<ArgumentException>(() => new CameraModel().Apply(new float[12], new float[11], 4, 3, rng));
        var maps = ScmosPixelMaps.Generate(4, 4, rng);
        var e = Assert.Throws<ArgumentException>(() => (new CameraModel() with { PixelMaps = maps }).Apply(new float[12], 4, 3, rng));
        Assert.Equal("PixelMaps", e.ParamName);
        var buffer = new float[13];
        Assert.Throws<ArgumentException>(() => new CameraModel().Apply(buffer.AsSpan(0, 12), buffer.AsSpan(1, 12), 4, 3, rng));
    }

    private static CameraModel With(string field, double value) => field switch
    {
        "QuantumEfficiency" => new CameraModel { QuantumEfficiency = value },
        "DarkElectrons" => new CameraModel { DarkElectrons = value },
        "EmGain" => new CameraModel { EmGain = value },
        "ReadNoiseElectrons" => new CameraModel { ReadNoiseElectrons = value },
        "ElectronsPerAdu" => new CameraModel { ElectronsPerAdu = value },
        "BaselineAdu" => new CameraModel { BaselineAdu = value },
        "FullWellElectrons" => new CameraModel { FullWellElectrons = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
