using Perrin.Simulation.Scatterers.Shapes;

namespace Perrin.Simulation.Tests.Scatterers.Shapes;

public class CellShapeTests
{
    private const double Pixel = 100;

    [Fact]
    public void TheSameSeedGivesTheSameOutlineAndOtherSeedsDiffer()
    {
        var a = ShapeGeometryTests.Cover(new CellShape(23.2, 24.1, 0, 1400, 900, 400, 0.3, 42, Pixel));
        var b = ShapeGeometryTests.Cover(new CellShape(23.2, 24.1, 0, 1400, 900, 400, 0.3, 42, Pixel));
        Assert.Equal(a, b);
        for (ulong seed = 43; seed < 48; seed++)
        {
            Assert.NotEqual(a, ShapeGeometryTests.Cover(new CellShape(23.2, 24.1, 0, 1400, 900, 400, 0.3, seed, Pixel)));
        }
    }

    [Fact]
    public void AreaAndVolumeAreThoseOfTheModulatedEllipse()
    {
        // Area πab(1 + ½Σεₖ²) and volume 4/3πabc(1 + ½Σεₖ²) in closed form; the area stays within the
        // largest modulation of πab. The sums match the closed forms to 1e-3.
        for (ulong seed = 1; seed <= 6; seed++)
        {
            var cell = new CellShape(23.4, 22.7, 0, 1500, 1000, 500, 0.1 * seed, seed, Pixel);
            var harmonics = CellShape.Harmonics(seed);
            var factor = 1 + (0.5 * harmonics.Sum(h => h.Epsilon * h.Epsilon));
            var amplitude = harmonics.Sum(h => Math.Abs(h.Epsilon));
            Assert.InRange(amplitude, 0.001, 0.125);
            Assert.Equal(Math.PI * 15 * 10 * factor, cell.OutlineAreaNm2 / (Pixel * Pixel), 9);
            Assert.InRange(cell.OutlineAreaNm2 / (Math.PI * 1500 * 1000), 1, 1 + amplitude);
            Assert.Equal(1, ShapeGeometryTests.Sum(ShapeGeometryTests.Cover(cell)) / (Math.PI * 150 * factor), 1e-3);
            Assert.Equal(1, ShapeGeometryTests.Sum(ShapeGeometryTests.Project(cell)) * Pixel * Pixel / cell.VolumeNm3, 1e-3);
            Assert.Equal(4.0 / 3.0 * Math.PI * 1500 * 1000 * 500 * factor, cell.VolumeNm3, 1e-3 * cell.VolumeNm3);
        }
    }

    [Fact]
    public void TheOutlineStaysBetweenTheShrunkAndGrownEllipse()
    {
        var cell = new CellShape(24, 24, 0, 1500, 1000, 500, 0, 11, Pixel);
        var amplitude = CellShape.Harmonics(11).Sum(h => Math.Abs(h.Epsilon));
        for (var i = 0; i < 360; i++)
        {
            var (s, c) = Math.SinCos(i * Math.PI / 180);
            Assert.True(cell.Contains(24 + (15 * (1 - amplitude - 1e-9) * c), 24 + (10 * (1 - amplitude - 1e-9) * s)));
            Assert.False(cell.Contains(24 + (15 * (1 + amplitude + 1e-9) * c), 24 + (10 * (1 + amplitude + 1e-9) * s)));
        }
    }
}
