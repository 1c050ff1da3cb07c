using Perrin.Core.Randomness;
using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Tests.Optics;

public sealed class PsfTableTests
{
    private const int PatchSize = 41;

    private static readonly PupilPsf InFocus = new(new PupilModel(PupilPsfTests.Default));

    private static readonly Lazy<PsfTable> InFocusTable =
        new(() => PsfTableCache.GetOrBuild(InFocus, new PsfTableOptions { PatchSize = PatchSize }));

    [Fact]
    public void TableRenderingMatchesDirectRenderingInsideThePatch()
    {
        // Bilinear interpolation between offsets 1/16 px apart: error ≈ (1/16)²/8 · |∂²I/∂x²| ≲ 1e-3 of the peak.
        var random = new RandomStream(11, 0);
        for (int trial = 0; trial < 4; trial++)
        {
            double x = 30 + random.Uniform(-0.5, 0.5), y = 33 + random.Uniform(-0.5, 0.5);
            var direct = new float[64 * 64];
            var table = new float[64 * 64];
            InFocus.AddPoint(direct, 64, 64, x, y, 0, 1000);
            InFocusTable.Value.AddPoint(table, 64, 64, x, y, 0, 1000);
            AssertMatchInsidePatch(direct, table, 64, 30, 33, 1e-3);
        }
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.4999, -0.5)]
    [InlineData(0.03, 0.17)]
    [InlineData(-0.2811, 0.3906)]
    public void TheCentroidIsThePosition(double dx, double dy)
    {
        var image = new float[64 * 64];
        InFocusTable.Value.AddPoint(image, 64, 64, 32 + dx, 31 + dy, 0, 1);
        (double cx, double cy) = PsfMeasure.Centroid(image, 64);
        Assert.Equal(32 + dx, cx, 0.01);
        Assert.Equal(31 + dy, cy, 0.01);
    }

    [Fact]
    public void ThePatchHoldsTheLightTheDirectRenderingPutsThere()
    {
        PsfTable table = InFocusTable.Value;
        var direct = new float[PatchSize * PatchSize];
        InFocus.AddPoint(direct, PatchSize, PatchSize, PatchSize / 2, PatchSize / 2, 0, 1);
        Assert.Equal(PsfMeasure.Sum(direct), table.PatchEnergy[0], 1e-5);
        Assert.InRange(table.PatchEnergy[0], 0.95, 0.99);
    }

    [Fact]
    public void DepthsBetweenGridNodesAreInterpolated()
    {
        var psf = new PupilPsf(PupilModel.Astigmatic(PupilPsfTests.Default, 70));
        PsfTable table = PsfTable.Build(psf, PsfTableOptions.DepthRange(-200, 200, 9) with { PatchSize = 25, OffsetsPerPixel = 8 });
        Assert.Equal([-200, -150, -100, -50, 0, 50, 100, 150, 200], table.DepthsNm);
        foreach (double z in new[] { -200.0, -125.0, 30.0, 175.0 })
        {
            var direct = new float[48 * 48];
            var fromTable = new float[48 * 48];
            psf.AddPoint(direct, 48, 48, 24.2, 23.9, z, 1);
            table.AddPoint(fromTable, 48, 48, 24.2, 23.9, z, 1);
            AssertMatchInsidePatch(direct, fromTable, 48, 24, 24, 1e-2, patch: 25);
        }
    }

    [Fact]
    public void AnyPsfCanBeTabulated()
    {
        var gaussian = new GaussianPsf(1.2);
        PsfTable table = PsfTable.Build(gaussian, new PsfTableOptions { EnclosedEnergy = 0.999 });
        // 9 × 9 holds (erf(4.5/(1.2√2)))² = 0.99965 of the light, 7 × 7 only 0.9931.
        Assert.Equal(9, table.PatchSize);
        var direct = new float[32 * 32];
        var fromTable = new float[32 * 32];
        gaussian.AddPoint(direct, 32, 32, 15.37, 16.81, 0, 1);
        table.AddPoint(fromTable, 32, 32, 15.37, 16.81, 0, 1);
        AssertMatchInsidePatch(direct, fromTable, 32, 15, 17, 2e-3, patch: 9);
    }

    [Fact]
    public void AtTheBorderTheLightOutsideTheImageIsLost()
    {
        PsfTable table = InFocusTable.Value;
        var clipped = new float[30 * 30];
        var whole = new float[90 * 90];
        table.AddPoint(clipped, 30, 30, 0.3, 28.8, 0, 1);
        table.AddPoint(whole, 90, 90, 30.3, 58.8, 0, 1);
        double inside = 0;
        for (int row = 30; row < 60; row++)
        {
            for (int col = 30; col < 60; col++)
            {
                inside += whole[(row * 90) + col];
            }
        }

        Assert.Equal(inside, PsfMeasure.Sum(clipped), 1e-6);
        Assert.InRange(inside, 0.3, 0.7);

        var far = new float[30 * 30];
        table.AddPoint(far, 30, 30, -500, 1e12, 0, 1);
        Assert.Equal(0, PsfMeasure.Sum(far));
    }

    [Fact]
    public void TheCacheBuildsOneTablePerModelAndOptions()
    {
        var again = new PupilPsf(new PupilModel(PupilPsfTests.Default));
        Assert.Same(InFocusTable.Value, PsfTableCache.GetOrBuild(again, new PsfTableOptions { PatchSize = PatchSize }));
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        var gaussian = new GaussianPsf(1);
        Assert.Throws<ArgumentException>(() => PsfTable.Build(gaussian, new PsfTableOptions { PatchSize = 10 }));
        Assert.Throws<ArgumentException>(() => PsfTable.Build(gaussian, new PsfTableOptions { OffsetsPerPixel = 0 }));
        Assert.Throws<ArgumentException>(() => PsfTable.Build(gaussian, PsfTableOptions.DepthRange(100, -100, 5)));
        Assert.Throws<ArgumentException>(() => PsfTable.Build(InFocus, new PsfTableOptions { PatchSize = 301 }));
    }

    private static void AssertMatchInsidePatch(float[] direct, float[] table, int width, int cx, int cy, double relative, int patch = PatchSize)
    {
        double peak = direct.Max();
        int half = patch / 2;
        for (int row = cy - half; row <= cy + half; row++)
        {
            for (int col = cx - half; col <= cx + half; col++)
            {
                int i = (row * width) + col;
                Assert.True(Math.Abs(direct[i] - table[i]) <= relative * peak, $"pixel ({col}, {row}): direct {direct[i]}, table {table[i]}, peak {peak}");
            }
        }
    }
}
