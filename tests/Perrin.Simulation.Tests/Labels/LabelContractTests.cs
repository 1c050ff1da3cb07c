using Perrin.Simulation.Labels;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class LabelContractTests
{
    public static TheoryData<string> Names => [.. All().Select(l => l.Name)];

    [Fact]
    public void EveryKindHasItsStableName() =>
        Assert.Equal(["mask", "mask", "heatmap", "density", "superres", "decode", "volume"], All().Select(l => l.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void FarOutsideAndNonFiniteParticlesAreIgnored(string name)
    {
        ParticleTruth[] truth =
        [
            new(double.NaN, 1), new(1, double.PositiveInfinity), new(double.NegativeInfinity, 0), new(1e300, -1e300),
            new(-1e9, 3), new(3, 1e9), new(40, 3), new(3, -40),
        ];
        foreach (var label in All().Where(l => l.Name == name))
        {
            Assert.All(label.RenderToArray(truth, 8, 6), v => Assert.Equal(0f, v));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void OnlyParticlesThatAreOnCount(string name)
    {
        ParticleTruth[] off = [new(3, 2, 10) { IsOn = false, Photons = 10 }];
        ParticleTruth[] on = [off[0] with { IsOn = true }];
        foreach (var label in All().Where(l => l.Name == name))
        {
            Assert.All(label.RenderToArray(off, 8, 6), v => Assert.Equal(0f, v));
            Assert.Contains(label.RenderToArray(on, 8, 6), v => v != 0);
        }
    }

    [Fact]
    public void IncludeOffMakesOffParticlesCount()
    {
        ParticleTruth[] off = [new(3, 2, 10) { IsOn = false, Photons = 10 }];
        ILabel[] labels =
        [
            new DiskMask(1) { IncludeOff = true }, new GaussianHeatmap(1) { IncludeOff = true }, new DensityMap(1) { IncludeOff = true },
            new SuperResolutionMap(4) { IncludeOff = true }, new DecodeMap() { IncludeOff = true }, new ZBinnedVolume(4, 0, 100) { IncludeOff = true },
        ];
        Assert.All(labels, label => Assert.Contains(label.RenderToArray(off, 8, 6), v => v != 0));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RenderClearsItsPartAndLeavesTheRestOfTheDestination(string name)
    {
        foreach (var label in All().Where(l => l.Name == name))
        {
            var (w, h) = label.OutputSize(8, 6);
            var length = label.Channels * w * h;
            var destination = Enumerable.Repeat(7f, length + 5).ToArray();
            label.Render([], 8, 6, destination);
            Assert.All(destination.Take(length), v => Assert.Equal(0f, v));
            Assert.All(destination.Skip(length), v => Assert.Equal(7f, v));
            Assert.Throws<ArgumentException>(() => label.Render([], 8, 6, new float[length - 1]));
            Assert.Throws<ArgumentOutOfRangeException>(() => label.OutputSize(0, 6));
        }
    }

    [Fact]
    public void ChannelMajorLayoutPutsChannelCRowYColXAtCHYWX()
    {
        var label = new DecodeMap(includePhotons: true);
        var maps = label.RenderToArray([new ParticleTruth(5.25, 2) { Photons = 40 }], 7, 3);
        Assert.Equal(40f, maps[(((3 * 3) + 2) * 7) + 5]);
        Assert.Equal(0.25f, maps[(((1 * 3) + 2) * 7) + 5]);
    }

    [Fact]
    public void RenderingAThousandParticlesAllocatesNothingPerParticle()
    {
        var truth = new ParticleTruth[1000];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = new ParticleTruth((i * 37.77) % 256, (i * 91.13) % 256, (i % 40) * 10) { Photons = 100 + i, RadiusNm = 200 };
        }

        foreach (var label in All())
        {
            var (w, h) = label.OutputSize(256, 256);
            var destination = new float[label.Channels * w * h];
            label.Render(truth, 256, 256, destination);
            var before = GC.GetAllocatedBytesForCurrentThread();
            label.Render(truth, 256, 256, destination);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < 1000, $"'{label.Name}' allocated {allocated} bytes for 1000 particles");
        }
    }

    private static ILabel[] All() =>
    [
        new DiskMask(1.5),
        new DiskMask(1, pixelSizeNm: 100) { Mode = DiskMaskMode.Coverage },
        new GaussianHeatmap(1.2) { Sampling = GaussianSampling.PixelIntegrated },
        new DensityMap(1.1),
        new SuperResolutionMap(4, blurSigma: 1, scale: 100),
        new DecodeMap(includePhotons: true, includeZ: true),
        new ZBinnedVolume(8, 0, 400, lateralFactor: 2, lateralSigma: 1, axialSigma: 1),
    ];
}
