using System.Numerics;
using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Tests.Optics;

public sealed class CoherentPsfTableTests
{
    [Fact]
    public void TableFieldsMatchDirectFieldsBetweenOffsetsAndDepths()
    {
        // Depth nodes 50 nm (≈ λ/(9n)) apart: the mean propagation phase (≈ 0.5 rad per node) is restored exactly,
        // the remainder is interpolated; tolerance 1% of the peak field.
        var psf = new PupilPsf(new PupilModel(PupilPsfTests.Default));
        var table = CoherentPsfTable.Build(psf, PsfTableOptions.DepthRange(-300, 300, 13) with { PatchSize = 21, OffsetsPerPixel = 8 });
        var amplitude = Complex.FromPolarCoordinates(2.5, 0.7);
        foreach ((double x, double y, double z) in new[] { (20.0, 20.0, 0.0), (20.3, 19.8, 125.0), (19.55, 20.41, -237.0) })
        {
            var direct = new Complex[40 * 40];
            var fromTable = new Complex[40 * 40];
            psf.AddPointField(direct, 40, 40, x, y, z, amplitude);
            table.AddPointField(fromTable, 40, 40, x, y, z, amplitude);
            double peak = direct.Max(Complex.Abs);
            int cx = (int)Math.Round(x), cy = (int)Math.Round(y);
            for (int row = cy - 10; row <= cy + 10; row++)
            {
                for (int col = cx - 10; col <= cx + 10; col++)
                {
                    int i = (row * 40) + col;
                    Assert.True(Complex.Abs(direct[i] - fromTable[i]) <= 0.01 * peak, $"z = {z}, pixel ({col}, {row}): {direct[i]} vs {fromTable[i]}");
                }
            }
        }
    }

    [Fact]
    public void VectorRowsHaveTheScalarRowsBits()
    {
        if (!System.Runtime.Intrinsics.X86.Avx.IsSupported)
        {
            return;
        }

        // Four 9 × 9 patches of random values; rows of 1 to 9 columns from every start, so every tail length is met.
        const int patch = 9, area = patch * patch;
        var random = new Random(5);
        var real = Enumerable.Range(0, 4 * area).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var imaginary = Enumerable.Range(0, 4 * area).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var corners = new PatchCorners(2, 0, 3, 1, 0.13, 0.29, 0.41, 0.17);
        var a = Complex.FromPolarCoordinates(0.37, 2.1);
        for (var start = 0; start < patch; start++)
        {
            for (var columns = 1; start + columns <= patch; columns++)
            {
                var initial = Enumerable.Range(0, 2 * columns).Select(_ => random.NextDouble()).ToArray();
                var (scalar, vector) = ((double[])initial.Clone(), (double[])initial.Clone());
                CoherentPsfTable.AddRow(scalar, real, imaginary, area, (4 * patch) + start, corners, a, false);
                CoherentPsfTable.AddRow(vector, real, imaginary, area, (4 * patch) + start, corners, a, true);
                Assert.Equal(scalar, vector);
                Assert.NotEqual(initial, scalar);
            }
        }
    }

    [Fact]
    public void AFieldTableNeedsAnExplicitPatchSize()
    {
        var psf = new PupilPsf(new PupilModel(PupilPsfTests.Default));
        Assert.Throws<ArgumentException>(() => CoherentPsfTable.Build(psf, new PsfTableOptions()));
    }
}
