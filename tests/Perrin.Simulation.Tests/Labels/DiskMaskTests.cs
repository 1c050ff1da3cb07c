using Perrin.Simulation.Labels;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Labels;

public class DiskMaskTests
{
    [Fact]
    public void UnitDiskOnAPixelCentreMarksThePlusShapeIncludingDistanceExactlyOne()
    {
        var mask = new DiskMask(1).RenderToArray([new ParticleTruth(2, 2)], 5, 5);
        Assert.Equal(Pixels(5, (2, 2), (1, 2), (3, 2), (2, 1), (2, 3)), mask);
    }

    [Fact]
    public void DiskBetweenTwoCentresMarksBoth()
    {
        var mask = new DiskMask(1).RenderToArray([new ParticleTruth(2.5, 2)], 5, 5);
        Assert.Equal(Pixels(5, (2, 2), (3, 2)), mask);
    }

    [Fact]
    public void DiskAtACornerReachesTheFourCentresAtRootHalf()
    {
        Assert.Equal(Pixels(4, (1, 1), (2, 1), (1, 2), (2, 2)), new DiskMask(0.75).RenderToArray([new ParticleTruth(1.5, 1.5)], 4, 4));
        Assert.Equal(new float[16], new DiskMask(0.7).RenderToArray([new ParticleTruth(1.5, 1.5)], 4, 4));
    }

    [Fact]
    public void RadiusComesFromRadiusNmWhenAPixelSizeIsGiven()
    {
        var mask = new DiskMask(1, pixelSizeNm: 100);
        var big = mask.RenderToArray([new ParticleTruth(3, 3) { RadiusNm = 150 }], 7, 7);
        Assert.Equal(9, big.Count(v => v == 1));
        var fallback = mask.RenderToArray([new ParticleTruth(3, 3)], 7, 7);
        Assert.Equal(5, fallback.Count(v => v == 1));
    }

    [Fact]
    public void CoverageOfAUnitDiskOnAPixelCentreMatchesClosedForms()
    {
        var mask = new DiskMask(1) { Mode = DiskMaskMode.Coverage }.RenderToArray([new ParticleTruth(2, 2)], 5, 5);

        // Corner pixel: ∫ from 1/2 to √3/2 of (√(1 − x²) − 1/2) dx = π/12 − (√3 − 1)/4.
        // Edge pixel: ∫ from 1/2 to 1 of 2·min(1/2, √(1 − x²)) dx = √3/4 − 1/2 + π/6.
        var corner = (Math.PI / 12) - ((Math.Sqrt(3) - 1) / 4);
        var edge = (Math.Sqrt(3) / 4) - 0.5 + (Math.PI / 6);
        Assert.Equal(1f, mask[(2 * 5) + 2]);
        foreach (var (c, r) in new[] { (1, 2), (3, 2), (2, 1), (2, 3) })
        {
            Assert.Equal(edge, mask[(r * 5) + c], 1e-6);
        }

        foreach (var (c, r) in new[] { (1, 1), (3, 1), (1, 3), (3, 3) })
        {
            Assert.Equal(corner, mask[(r * 5) + c], 1e-6);
        }

        Assert.Equal(Math.PI, mask.Sum(v => (double)v), 1e-5);
    }

    [Fact]
    public void DiskCentredOnACornerCoversAQuarterOfItselfInEachPixel()
    {
        var mask = new DiskMask(0.5) { Mode = DiskMaskMode.Coverage }.RenderToArray([new ParticleTruth(0.5, 0.5)], 3, 3);
        var expected = Pixels(3, (0, 0), (1, 0), (0, 1), (1, 1));
        for (var i = 0; i < mask.Length; i++)
        {
            Assert.Equal(expected[i] * Math.PI / 16, mask[i], 1e-7);
        }
    }

    [Fact]
    public void CoverageOfALargeDiskSumsToItsArea()
    {
        var mask = new DiskMask(4.3) { Mode = DiskMaskMode.Coverage }.RenderToArray([new ParticleTruth(10.37, 9.81)], 21, 21);
        Assert.Equal(Math.PI * 4.3 * 4.3, mask.Sum(v => (double)v), 1e-4);
        Assert.All(mask, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void DiskCutByTheBorderCoversOnlyTheInsideHalf()
    {
        var mask = new DiskMask(2) { Mode = DiskMaskMode.Coverage }.RenderToArray([new ParticleTruth(-0.5, 5)], 10, 10);
        Assert.Equal(Math.PI * 2, mask.Sum(v => (double)v), 1e-5);
    }

    [Fact]
    public void InstanceMaskNumbersParticlesByIndexAndTheFirstKeepsSharedPixels()
    {
        ParticleTruth[] truth = [new(1, 1), new(2, 1), new(4, 4) { IsOn = false }, new(4, 3)];
        var mask = new DiskMask(1) { Mode = DiskMaskMode.Instance }.RenderToArray(truth, 6, 6);
        Assert.Equal(1f, mask[(1 * 6) + 1]);
        Assert.Equal(1f, mask[(1 * 6) + 2]);
        Assert.Equal(2f, mask[(1 * 6) + 3]);
        Assert.Equal(4f, mask[(3 * 6) + 4]);
        Assert.Equal(4f, mask[(4 * 6) + 4]);
        Assert.DoesNotContain(3f, mask);
    }

    [Fact]
    public void BinaryMaskIsTheUnionOfDisks()
    {
        var mask = new DiskMask(1).RenderToArray([new ParticleTruth(1, 1), new ParticleTruth(2, 1)], 4, 3);
        Assert.Equal(Pixels(4, 3, (0, 1), (1, 1), (2, 1), (3, 1), (1, 0), (2, 0), (1, 2), (2, 2)), mask);
    }

    private static float[] Pixels(int size, params (int Col, int Row)[] on) => Pixels(size, size, on);

    private static float[] Pixels(int width, int height, params (int Col, int Row)[] on)
    {
        var image = new float[width * height];
        foreach (var (c, r) in on)
        {
            image[(r * width) + c] = 1;
        }

        return image;
    }
}
