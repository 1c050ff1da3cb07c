using Perrin.Simulation.Labels;
using Perrin.Simulation.Scatterers.Shapes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class ShapeMaskTests
{
    private const int Size = 40;

    [Fact]
    public void ABodyMarksThePixelsItsOutlineCoversByHalf()
    {
        var cell = new ParticleTruth(17.3, 20.6, 0) { Kind = ScattererKind.Cell, RadiusNm = 1100, MinorRadiusNm = 700, AngleRad = 0.8, ShapeSeed = 12345, TrackId = 6 };
        var mask = new float[Size * Size];
        new ShapeMask(2, 100).Render([cell], Size, Size, mask);
        var coverage = new float[Size * Size];
        TruthShapes.For(cell, 100).AddCoverage(coverage, Size, Size, 1);
        for (var i = 0; i < mask.Length; i++)
        {
            Assert.Equal(coverage[i] >= 0.5f ? 1f : 0f, mask[i]);
        }

        // Half-covered pixels make the marked area the outline's area to within a fraction of its rim.
        var area = TruthShapes.For(cell, 100).OutlineAreaNm2 / 1e4;
        Assert.InRange(mask.Sum(), area - 6, area + 6);

        var instances = new float[Size * Size];
        new ShapeMask(2, 100) { Instances = true }.Render([cell], Size, Size, instances);
        Assert.Equal(mask.Select(v => v * 7), instances);
    }

    [Fact]
    public void InstancesKeepTheFirstBodyAndPointsAreDisks()
    {
        ParticleTruth[] truth =
        [
            new(10, 10, 0) { Kind = ScattererKind.Sphere, RadiusNm = 400, TrackId = 0 },
            new(14, 10, 0) { Kind = ScattererKind.Ellipse, RadiusNm = 400, MinorRadiusNm = 200, TrackId = 1 },
            new(30, 30, 0) { Kind = ScattererKind.PointEmitter, TrackId = 2 },
            new(30, 10, 0) { Kind = ScattererKind.Sphere, RadiusNm = 400, TrackId = 3, IsOn = false },
        ];
        var mask = new float[Size * Size];
        new ShapeMask(1.5, 100) { Instances = true }.Render(truth, Size, Size, mask);
        Assert.Equal(1f, mask[(10 * Size) + 10]);
        Assert.Equal(1f, mask[(10 * Size) + 14 - 1]);
        Assert.Equal(2f, mask[(10 * Size) + 17]);
        Assert.Equal(0f, mask[(12 * Size) + 17]);
        Assert.Equal(3f, mask[(31 * Size) + 31]);
        Assert.Equal(0f, mask[(32 * Size) + 32]);
        Assert.Equal(9, mask.Count(v => v == 3f));
        Assert.Equal(0f, mask[(10 * Size) + 30]);
    }

    [Fact]
    public void CountingCellsWithTheDensityMapGivesTheirNumber()
    {
        // The density label integrates to the count whatever the particle's kind.
        var truth = Enumerable.Range(0, 7).Select(i => new ParticleTruth(6 + (4 * i), 12 + (2 * i), 0)
        {
            Kind = ScattererKind.Cell,
            RadiusNm = 500,
            MinorRadiusNm = 300,
            ShapeSeed = (ulong)i,
        }).ToArray();
        var density = new float[Size * Size];
        new DensityMap(1.5).Render(truth, Size, Size, density);
        Assert.Equal(7, density.Sum(v => (double)v), 1e-4);
    }
}
