using Perrin.Simulation.Labels;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class SuperResolutionMapTests
{
    [Theory]
    [InlineData(4, 0.1, 0.2, 2, 2)]
    [InlineData(4, 0.75, 0.25, 5, 3)]
    [InlineData(4, -0.5, -0.5, 0, 0)]
    [InlineData(4, 3.49, 3.4999, 15, 15)]
    [InlineData(8, 1.125, 0.0, 13, 4)]
    [InlineData(8, 1.1249999999999998, 2.3, 12, 22)]
    [InlineData(8, -0.375, 2.0, 1, 20)]
    public void EmitterLandsInTheBinHoldingIt(int k, double x, double y, int col, int row)
    {
        var map = new SuperResolutionMap(k).RenderToArray([new ParticleTruth(x, y)], 4, 4);
        var width = 4 * k;
        Assert.Equal(1f, map[(row * width) + col]);
        Assert.Equal(1, map.Count(v => v != 0));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void EveryBinEdgeBelongsToTheBinOnItsRight(int k)
    {
        var label = new SuperResolutionMap(k);
        var (w, h) = label.OutputSize(3, 2);
        Assert.Equal((3 * k, 2 * k), (w, h));
        var map = new float[w * h];
        for (var i = 0; i < w; i++)
        {
            var x = -0.5 + ((double)i / k);
            var y = -0.5 + ((double)(i % h) / k);
            label.Render([new ParticleTruth(x, y), new ParticleTruth(Math.BitDecrement(x + (1.0 / k)), y)], 3, 2, map);
            Assert.Equal(2f, map[((i % h) * w) + i]);
        }
    }

    [Fact]
    public void PhotonWeightAndScaleMultiply()
    {
        ParticleTruth[] truth = [new(1.3, 1.3) { Photons = 300 }, new(1.31, 1.32) { Photons = 200 }];
        var map = new SuperResolutionMap(4, scale: 100) { Weight = LabelWeight.Photons }.RenderToArray(truth, 4, 4);
        Assert.Equal(50000f, map[(7 * 16) + 7]);
    }

    [Fact]
    public void BlurIsCentredOnTheBinSymmetricAndKeepsTheScaledMass()
    {
        var map = new SuperResolutionMap(8, blurSigma: 1, scale: 100).RenderToArray([new ParticleTruth(5.3, 4.9)], 10, 10);
        const int width = 80;
        const int col = 46;
        const int row = 43;
        Assert.Equal(100 * 0.3829249225480262 * 0.3829249225480262, map[(row * width) + col], 1e-4);
        for (var d = 1; d < 6; d++)
        {
            Assert.Equal(map[(row * width) + col - d], map[(row * width) + col + d]);
            Assert.Equal(map[((row - d) * width) + col], map[((row + d) * width) + col]);
        }

        Assert.Equal(100, map.Sum(v => (double)v), 1e-3);
    }

    [Fact]
    public void EmittersOutsideTheFieldAddNothing()
    {
        ParticleTruth[] truth = [new(-0.51, 1), new(4.5, 1), new(1, -3)];
        Assert.All(new SuperResolutionMap(4, blurSigma: 2).RenderToArray(truth, 4, 4), v => Assert.Equal(0f, v));
    }
}
