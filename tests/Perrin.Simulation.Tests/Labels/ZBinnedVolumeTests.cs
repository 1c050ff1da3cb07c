using Perrin.Simulation.Labels;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class ZBinnedVolumeTests
{
    [Theory]
    [InlineData(-500.0, 0)]
    [InlineData(-400.0, 1)]
    [InlineData(-400.00000000000006, 0)]
    [InlineData(0.0, 5)]
    [InlineData(-1e-12, 4)]
    [InlineData(499.99999999999994, 9)]
    [InlineData(450.0, 9)]
    public void EmitterGoesToTheSlabHoldingItsZ(double z, int slab)
    {
        var volume = new ZBinnedVolume(10, -500, 500).RenderToArray([new ParticleTruth(1, 2, z)], 3, 3);
        Assert.Equal(1f, volume[(slab * 9) + (2 * 3) + 1]);
        Assert.Equal(1, volume.Count(v => v != 0));
    }

    [Theory]
    [InlineData(500.0)]
    [InlineData(-500.00000000000006)]
    [InlineData(double.NaN)]
    [InlineData(1e300)]
    public void EmitterOutsideTheZRangeIsLeftOut(double z) =>
        Assert.All(new ZBinnedVolume(10, -500, 500).RenderToArray([new ParticleTruth(1, 1, z)], 3, 3), v => Assert.Equal(0f, v));

    [Fact]
    public void SlabEdgesThatAreNotBinaryFractionsStillPartitionTheRange()
    {
        var volume = new ZBinnedVolume(3, 0, 1);
        Assert.Equal(1.0, volume.SlabEdge(3));
        for (var b = 0; b < 3; b++)
        {
            Assert.True(volume.TrySlab(volume.SlabEdge(b), out var at) && at == b);
            Assert.True(volume.TrySlab(Math.BitDecrement(volume.SlabEdge(b + 1)), out var below) && below == b);
        }
    }

    [Fact]
    public void LateralUpsamplingUsesTheSuperResolutionBins()
    {
        var volume = new ZBinnedVolume(2, 0, 100, lateralFactor: 4);
        Assert.Equal((12, 8), volume.OutputSize(3, 2));
        var map = volume.RenderToArray([new ParticleTruth(0.75, -0.25, 60)], 3, 2);
        Assert.Equal(1f, map[96 + (1 * 12) + 5]);
    }

    [Fact]
    public void MaxSetsAndSumAddsWithPhotonWeights()
    {
        ParticleTruth[] truth = [new(1, 1, 10) { Photons = 3 }, new(1.2, 0.9, 20) { Photons = 5 }];
        var set = new ZBinnedVolume(4, 0, 100).RenderToArray(truth, 3, 3);
        var add = new ZBinnedVolume(4, 0, 100) { Combine = LabelCombine.Sum, Weight = LabelWeight.Photons }.RenderToArray(truth, 3, 3);
        Assert.Equal(1f, set[4]);
        Assert.Equal(8f, add[4]);
    }

    [Fact]
    public void BlurIsAPeakOneGaussianAroundTheVoxel()
    {
        var volume = new ZBinnedVolume(9, -450, 450, lateralSigma: 1, axialSigma: 2).RenderToArray([new ParticleTruth(5, 5, 0)], 11, 11);
        const int plane = 121;
        const int centre = (4 * plane) + (5 * 11) + 5;
        Assert.Equal(1f, volume[centre]);
        Assert.Equal((float)Math.Exp(-0.5 - 0.125), volume[centre + plane + 1]);
        Assert.Equal(volume[centre - plane - 11], volume[centre + plane + 11]);
        Assert.Equal((float)Math.Exp(-2.0), volume[centre - (4 * plane)]);
    }
}
