using System.Numerics;
using Perrin.Simulation.Scatterers.Mie;

namespace Perrin.Simulation.Tests.Scatterers.Mie;

public class MieSphereTests
{
    [Fact]
    public void PhysicalSphereUsesMediumWavelengthAndNm2()
    {
        // A 100 nm polystyrene bead in water at 532 nm.
        var sphere = new MieSphere(100, new Complex(1.59, 0), 1.33, 532);
        double x = 2 * Math.PI * 1.33 * 100 / 532;
        var reference = MieSolution.Compute(new Complex(1.59 / 1.33, 0), x).Efficiencies;
        Assert.Equal(x, sphere.Solution.SizeParameter, 1e-15);
        Assert.Equal(2 * Math.PI * 1.33 / 532, sphere.WavenumberPerNm, 1e-17);
        Assert.Equal(reference.Scattering * Math.PI * 1e4, sphere.ScatteringCrossSectionNm2, 1e-9);
        Assert.Equal(reference.Extinction * Math.PI * 1e4, sphere.ExtinctionCrossSectionNm2, 1e-9);
        Assert.Equal(reference.Backscattering * Math.PI * 1e4, sphere.BackscatteringCrossSectionNm2, 1e-9);
        Assert.Equal(0, sphere.AbsorptionCrossSectionNm2, 1e-9);
    }

    [Fact]
    public void DifferentialCrossSectionIntegratesToTheScatteringCrossSection()
    {
        var sphere = new MieSphere(40, new Complex(0.54, 2.14), 1.33, 532);
        var (nodes, weights) = GaussLegendre.Rule(sphere.Solution.OrderCount + 1);
        double total = 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            total += 2 * Math.PI * weights[i] * sphere.DifferentialCrossSectionNm2(nodes[i]);
        }

        Assert.Equal(sphere.ScatteringCrossSectionNm2, total, 1e-10 * total);
        Assert.True(sphere.AbsorptionCrossSectionNm2 > sphere.ScatteringCrossSectionNm2);
    }

    [Fact]
    public void RejectsNonPhysicalInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MieSphere(0, new Complex(1.5, 0), 1.33, 532));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MieSphere(100, new Complex(1.5, 0), -1, 532));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MieSphere(100, new Complex(1.5, 0), 1.33, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MieSphere(100, new Complex(1.5, -0.1), 1.33, 532));
    }

    [Fact]
    public void CacheReturnsOneSpherePerKeyAcrossThreads()
    {
        var cache = new MieSphereCache();
        var results = new MieSphere[64];
        Parallel.For(0, results.Length, i => results[i] = cache.Get(50, new Complex(1.59, 0), 1.33, 532));
        Assert.All(results, s => Assert.Same(results[0], s));
        Assert.Equal(1, cache.Count);

        var other = cache.Get(50, new Complex(1.59, 0), 1.33, 633);
        Assert.NotSame(results[0], other);
        Assert.Equal(2, cache.Count);
        Assert.Equal(633, other.WavelengthNm);
    }

    [Fact]
    public void CacheEmptiesItselfInsteadOfGrowingPastItsCapacity()
    {
        var cache = new MieSphereCache(capacity: 3);
        for (int i = 1; i <= 10; i++)
        {
            var sphere = cache.Get(i, new Complex(1.5, 0), 1.33, 532);
            Assert.Equal(i, sphere.RadiusNm);
            Assert.InRange(cache.Count, 1, 3);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new MieSphereCache(0));
    }
}
