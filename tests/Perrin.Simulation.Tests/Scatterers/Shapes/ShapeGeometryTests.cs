using Perrin.Simulation.Scatterers.Shapes;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Scatterers.Shapes;

public class ShapeGeometryTests
{
    private const int Size = 48;
    private const double Pixel = 100;

    public static TheoryData<double, double> SubPixelCentres => new()
    {
        { 23.0, 23.0 }, { 23.37, 24.81 }, { 24.5, 22.5 }, { 22.91, 23.13 }, { 23.73, 23.29 },
    };

    [Theory]
    [MemberData(nameof(SubPixelCentres))]
    public void SphereVolumeIsFourThirdsPiRCubed(double x, double y)
    {
        // A 5-pixel sphere: the closed form 4/3πR³, within 5e-4 relative.
        var sphere = new SphereShape(x, y, 0, 5 * Pixel, Pixel);
        var volume = Sum(Project(sphere)) * Pixel * Pixel;
        Assert.Equal(1, volume / (4.0 / 3.0 * Math.PI * Math.Pow(500, 3)), 5e-4);
        Assert.Equal(4.0 / 3.0 * Math.PI * Math.Pow(500, 3), sphere.VolumeNm3, 6);
    }

    [Theory]
    [MemberData(nameof(SubPixelCentres))]
    public void EllipsoidAndEllipseVolumesAreClosedForms(double x, double y)
    {
        var ellipsoid = new EllipsoidShape(x, y, 40, 900, 450, 300, 0.7, Pixel);
        Assert.Equal(1, Sum(Project(ellipsoid)) * Pixel * Pixel / (4.0 / 3.0 * Math.PI * 900 * 450 * 300), 5e-4);
        var ellipse = new EllipseShape(x, y, 0, 800, 500, -1.1, 120, Pixel);
        Assert.Equal(1, Sum(Project(ellipse)) * Pixel * Pixel / (Math.PI * 800 * 500 * 120), 5e-4);
    }

    [Theory]
    [MemberData(nameof(SubPixelCentres))]
    public void CoverageAreaIsPiAB(double x, double y)
    {
        Assert.Equal(1, Sum(Cover(new SphereShape(x, y, 0, 500, Pixel))) / (Math.PI * 25), 1e-3);
        Assert.Equal(1, Sum(Cover(new EllipseShape(x, y, 0, 800, 500, 0.4, 100, Pixel))) / (Math.PI * 40), 1e-3);
        Assert.Equal(1, Sum(Cover(new EllipsoidShape(x, y, 0, 1500, 300, 300, 2.0, Pixel))) / (Math.PI * 45), 1e-3);
    }

    [Fact]
    public void CoverageIsAFractionBetweenZeroAndOne()
    {
        var image = Cover(new EllipseShape(20.3, 21.7, 0, 700, 300, 0.3, 100, Pixel));
        Assert.All(image, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(1f, image[(22 * Size) + 20]);
        Assert.Equal(0f, image[(5 * Size) + 5]);
    }

    [Fact]
    public void SlabsPartitionTheVolume()
    {
        // Any cut of z into slabs adds up to the projection, sample point by sample point.
        IShape[] shapes =
        [
            new SphereShape(22.4, 23.6, 130, 600, Pixel),
            new EllipsoidShape(23.1, 22.2, -80, 900, 500, 700, 0.9, Pixel),
            new EllipseShape(24.2, 23.3, 10, 900, 400, 0.2, 250, Pixel),
            new CellShape(23.5, 24.5, 0, 1200, 800, 400, 0.5, 77, Pixel),
        ];
        foreach (var shape in shapes)
        {
            var full = Project(shape);
            var sum = new float[Size * Size];
            var (low, high) = shape.DepthExtent;
            var cuts = new List<double> { double.NegativeInfinity };
            for (var z = low + 37.3; z < high; z += 91.7)
            {
                cuts.Add(z);
            }

            cuts.Add(double.PositiveInfinity);
            for (var i = 0; i + 1 < cuts.Count; i++)
            {
                var slab = new float[Size * Size];
                shape.AddSlab(slab, Size, Size, cuts[i], cuts[i + 1], 1);
                for (var p = 0; p < slab.Length; p++)
                {
                    sum[p] += slab[p];
                }
            }

            var scale = full.Max();
            for (var p = 0; p < full.Length; p++)
            {
                Assert.True(Math.Abs(full[p] - sum[p]) <= 1e-5 * scale, $"pixel {p}: {full[p]} vs {sum[p]}");
            }
        }
    }

    [Fact]
    public void SlabOutsideTheBodyAddsNothingAndAThinSlabIsTheCrossSection()
    {
        var sphere = new SphereShape(23, 23, 0, 500, Pixel);
        var image = new float[Size * Size];
        sphere.AddSlab(image, Size, Size, 501, 900, 1);
        sphere.AddSlab(image, Size, Size, -900, -500, 1);
        Assert.All(image, v => Assert.Equal(0f, v));

        // A 1 nm slab through the equator holds 1 nm × the disk of radius R: πR² nm·px² in all. Its chord is a
        // step at the rim, sampled on the 8 × 8 rim grid, so this is good to ~1e-3 rather than the volume's 1e-4.
        sphere.AddSlab(image, Size, Size, -0.5, 0.5, 1);
        Assert.Equal(1, Sum(image) / (Math.PI * 25), 2e-3);
    }

    [Theory]
    [MemberData(nameof(SubPixelCentres))]
    public void SphereSlabsHoldTheirSphericalSegments(double x, double y)
    {
        // A slab z₁ … z₂ of a sphere of radius R holds the segment π(R²(z₂ − z₁) − (z₂³ − z₁³)/3). Slab boundaries
        // cross pixels inside the body, where the chord is clipped exactly for its linear part; 2e-3 relative.
        const double radius = 600;
        var sphere = new SphereShape(x, y, 0, radius, Pixel);
        for (var j = 0; j < 8; j++)
        {
            var z1 = -radius + (j * radius / 4);
            var z2 = z1 + (radius / 4);
            var image = new float[Size * Size];
            sphere.AddSlab(image, Size, Size, z1, z2, 1);
            var segment = Math.PI * ((radius * radius * (z2 - z1)) - (((z2 * z2 * z2) - (z1 * z1 * z1)) / 3));
            Assert.Equal(1, Sum(image) * Pixel * Pixel / segment, 2e-3);
        }
    }

    [Fact]
    public void EllipseAtAQuarterTurnIsTheTransposedEllipse()
    {
        var along = Cover(new EllipseShape(20.3, 26.8, 0, 900, 400, 0, 100, Pixel));
        var across = Cover(new EllipseShape(26.8, 20.3, 0, 900, 400, Math.PI / 2, 100, Pixel));
        var alongSlab = Project(new EllipseShape(20.3, 26.8, 0, 900, 400, 0, 100, Pixel));
        var acrossSlab = Project(new EllipseShape(26.8, 20.3, 0, 900, 400, Math.PI / 2, 100, Pixel));
        for (var r = 0; r < Size; r++)
        {
            for (var c = 0; c < Size; c++)
            {
                Assert.Equal(along[(r * Size) + c], across[(c * Size) + r], 1e-5);
                Assert.Equal(alongSlab[(r * Size) + c], acrossSlab[(c * Size) + r], 1e-3);
            }
        }

        // The major axis runs along x before the turn and along y after it.
        Assert.Equal(1f, along[(27 * Size) + 28]);
        Assert.Equal(0f, along[(35 * Size) + 20]);
        Assert.Equal(1f, across[(28 * Size) + 27]);
    }

    [Theory]
    [MemberData(nameof(SubPixelCentres))]
    public void SphereCentroidIsItsCentre(double x, double y)
    {
        var image = Project(new SphereShape(x, y, 0, 430, Pixel));
        double sum = 0, sx = 0, sy = 0;
        for (var r = 0; r < Size; r++)
        {
            for (var c = 0; c < Size; c++)
            {
                var v = image[(r * Size) + c];
                sum += v;
                sx += v * c;
                sy += v * r;
            }
        }

        Assert.InRange((sx / sum) - x, -0.005, 0.005);
        Assert.InRange((sy / sum) - y, -0.005, 0.005);
    }

    [Fact]
    public void BoundsHoldEveryTouchedPixel()
    {
        var cell = new CellShape(10.2, 30.7, 0, 1100, 600, 300, 2.3, 5, Pixel);
        var image = Cover(cell);
        var (x0, y0, x1, y1) = cell.PixelBounds;
        for (var r = 0; r < Size; r++)
        {
            for (var c = 0; c < Size; c++)
            {
                if (image[(r * Size) + c] > 0)
                {
                    Assert.InRange(c, x0, x1);
                    Assert.InRange(r, y0, y1);
                }
            }
        }

        Assert.Equal((-300, 300), cell.DepthExtent);
    }

    [Fact]
    public void ABodyPartlyOutsideTheImageDrawsOnlyItsInsidePart()
    {
        var image = Cover(new SphereShape(-0.5, 10, 0, 300, Pixel));
        Assert.Equal(Math.PI * 9 / 2, Sum(image), 0.01);
        var far = Cover(new SphereShape(-1e9, 1e9, 0, 300, Pixel));
        Assert.All(far, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void TruthShapesBuildsTheBodyOfEachKind()
    {
        var truth = new ParticleTruth(12, 13, 50) { RadiusNm = 400, Kind = ScattererKind.Sphere };
        Assert.IsType<SphereShape>(TruthShapes.For(truth, Pixel));
        var ellipse = Assert.IsType<EllipseShape>(TruthShapes.For(truth with { Kind = ScattererKind.Ellipse, MinorRadiusNm = 200 }, Pixel));
        Assert.Equal(Pixel, ellipse.ThicknessNm);
        Assert.Equal(0, ellipse.AngleRad);
        var ellipsoid = Assert.IsType<EllipsoidShape>(TruthShapes.For(truth with { Kind = ScattererKind.Ellipsoid, MinorRadiusNm = 200 }, Pixel));
        Assert.Equal(200, ellipsoid.AxialNm);
        var cell = Assert.IsType<CellShape>(TruthShapes.For(truth with { Kind = ScattererKind.Cell, MinorRadiusNm = 300, ShapeSeed = 9 }, Pixel));
        Assert.Equal(150, cell.HalfThicknessNm);
        Assert.Equal(9UL, cell.ShapeSeed);
        Assert.Throws<ArgumentException>(() => TruthShapes.For(truth with { Kind = ScattererKind.PointEmitter }, Pixel));
        Assert.Throws<ArgumentException>(() => TruthShapes.For(truth with { Kind = ScattererKind.MieSphere }, Pixel));
        Assert.Throws<ArgumentException>(() => TruthShapes.For(truth with { RadiusNm = double.NaN }, Pixel));
        Assert.Throws<ArgumentException>(() => TruthShapes.For(truth, 0));
    }

    internal static float[] Project(IShape shape)
    {
        var image = new float[Size * Size];
        shape.AddSlab(image, Size, Size, double.NegativeInfinity, double.PositiveInfinity, 1);
        return image;
    }

    internal static float[] Cover(IShape shape)
    {
        var image = new float[Size * Size];
        shape.AddCoverage(image, Size, Size, 1);
        return image;
    }

    internal static double Sum(float[] image) => image.Sum(v => (double)v);
}
