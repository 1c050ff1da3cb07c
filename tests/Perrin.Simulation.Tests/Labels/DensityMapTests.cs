using Perrin.Simulation.Labels;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class DensityMapTests
{
    // Φ(1/2) and erf(1/(2√2)) from CPython: 0.5·(1 + math.erf(0.5/math.sqrt(2))) and math.erf(0.5/math.sqrt(2)).
    private const double PhiHalf = 0.6914624612740131;
    private const double CentralMass = 0.3829249225480262;

    [Theory]
    [InlineData(0.7)]
    [InlineData(1.3)]
    [InlineData(2.5)]
    public void SumIsTheCountForParticlesAwayFromTheBorders(double sigma)
    {
        var truth = new ParticleTruth[25];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = new ParticleTruth(22 + ((i * 7.37) % 20), 22 + ((i * 3.91) % 20));
        }

        var map = new DensityMap(sigma).RenderToArray(truth, 64, 64);
        Assert.Equal(25, map.Sum(v => (double)v), 1e-6);
    }

    [Fact]
    public void ParticleOnAPixelCentreHasTheCentralMassInItsPixel()
    {
        var map = new DensityMap(1).RenderToArray([new ParticleTruth(5, 5)], 11, 11);
        Assert.Equal((float)(CentralMass * CentralMass), map[(5 * 11) + 5]);
        Assert.Equal(map[(5 * 11) + 4], map[(5 * 11) + 6]);
    }

    [Fact]
    public void ParticleOnTheBorderCentreKeepsTheFractionInside()
    {
        var edge = new DensityMap(1).RenderToArray([new ParticleTruth(0, 16)], 32, 32);
        Assert.Equal(PhiHalf, edge.Sum(v => (double)v), 1e-6);

        var corner = new DensityMap(1).RenderToArray([new ParticleTruth(-1, -1)], 32, 32);
        Assert.Equal((1 - PhiHalf) * (1 - PhiHalf), corner.Sum(v => (double)v), 1e-7);
    }

    [Fact]
    public void PhotonWeightMakesTheSumThePhotonTotal()
    {
        ParticleTruth[] truth = [new(20, 20) { Photons = 1500 }, new(40.3, 30.7) { Photons = 250 }, new(30, 30)];
        var map = new DensityMap(1.5) { Weight = LabelWeight.Photons }.RenderToArray(truth, 64, 64);
        Assert.Equal(1750, map.Sum(v => (double)v), 1e-3);
    }
}
