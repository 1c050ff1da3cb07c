using Perrin.Simulation.Labels;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class DecodeMapTests
{
    [Fact]
    public void ChannelsHoldProbabilityOffsetsPhotonsAndZInTheNearestPixel()
    {
        var label = new DecodeMap(includePhotons: true, includeZ: true, zScaleNm: 100);
        Assert.Equal(5, label.Channels);
        Assert.Equal((3, 4), (label.PhotonChannel, label.ZChannel));
        var maps = new float[5 * 20];
        var stats = label.Render([new ParticleTruth(2.25, 1.75, -150) { Photons = 1000 }], 5, 4, maps);

        Assert.Equal(new DecodeRenderStats(1, 0, 0), stats);
        const int q = (2 * 5) + 2;
        Assert.Equal(1f, maps[q]);
        Assert.Equal(0.25f, maps[20 + q]);
        Assert.Equal(-0.25f, maps[40 + q]);
        Assert.Equal(1000f, maps[60 + q]);
        Assert.Equal(-1.5f, maps[80 + q]);
        Assert.Equal(5, maps.Count(v => v != 0));
    }

    [Fact]
    public void OffsetsStayInTheHalfOpenRangeAtPixelEdges()
    {
        var label = new DecodeMap(includePhotons: false);
        var maps = label.RenderToArray([new ParticleTruth(2.5, 0), new ParticleTruth(Math.BitDecrement(1.5), 2)], 5, 3);
        Assert.Equal(1f, maps[3]);
        Assert.Equal(-0.5f, maps[15 + 3]);
        Assert.Equal(1f, maps[(2 * 5) + 1]);
        Assert.Equal(MathF.BitDecrement(0.5f), maps[15 + (2 * 5) + 1]);
    }

    [Fact]
    public void CollisionsKeepTheBrighterOrTheFirstAndAreCounted()
    {
        var label = new DecodeMap();
        ParticleTruth[] truth =
        [
            new(1.1, 1.1) { Photons = 100 },
            new(0.9, 1.2) { Photons = 200 },
            new(3.0, 1.0) { Photons = 50 },
            new(3.2, 0.8) { Photons = 50 },
            new(2.0, 2.0),
            new(2.1, 2.1) { Photons = 1 },
            new(9.0, 1.0),
            new(1.0, 2.0) { IsOn = false },
        ];
        var maps = new float[4 * 20];
        var stats = label.Render(truth, 5, 4, maps);
        Assert.Equal(new DecodeRenderStats(3, 3, 1), stats);

        var decoded = label.Decode(maps, 5, 4);
        Assert.Equal([0.9, 3.0, 2.1], decoded.Select(p => Math.Round(p.X, 6)));
        Assert.Equal([200.0, 50.0, 1.0], decoded.Select(p => p.Photons));
    }

    [Fact]
    public void DecodingTheRenderedMapsGivesTheTruthExactly()
    {
        ParticleTruth[] truth =
        [
            new(0.125, -0.5, -312.5) { Photons = 2500 },
            new(7.4375, 3.0, 0) { Photons = 17 },
            new(3.5, 5.46875, 640.25) { Photons = 1e5 },
        ];
        var label = new DecodeMap(includePhotons: true, includeZ: true);
        var decoded = label.Decode(label.RenderToArray(truth, 8, 6), 8, 6);
        Assert.Equal(truth, decoded);
    }

    [Fact]
    public void DecodeRefusesMapsThatAreTooShort() =>
        Assert.Throws<ArgumentException>(() => new DecodeMap().Decode(new float[10], 5, 4));
}
