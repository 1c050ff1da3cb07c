using Perrin.Simulation.Augmentations;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Tests.Augmentations;

public class TruthGeometryTests
{
    [Fact]
    public void ARotationAndScaleTurnsAndScalesAnEllipseExactly()
    {
        var a = Matrix2.Rotation(0.3) * new Matrix2(1.5, 0, 0, 1.5);
        var p = new ParticleTruth(1, 2) { RadiusNm = 300, MinorRadiusNm = 100, AngleRad = 0.2, AxialRadiusNm = 50, Photons = 10 };
        var moved = TruthGeometry.Map(p, 5, 6, a);
        Assert.Equal(450, moved.RadiusNm, 9);
        Assert.Equal(150, moved.MinorRadiusNm, 9);
        Assert.Equal(0.5, moved.AngleRad, 12);
        Assert.Equal(50, moved.AxialRadiusNm);
        Assert.Equal(22.5, moved.Photons, 9);
        Assert.Equal((5.0, 6.0), (moved.X, moved.Y));
    }

    [Fact]
    public void AMirrorReflectsTheAngle()
    {
        var p = new ParticleTruth(0, 0) { RadiusNm = 300, MinorRadiusNm = 100, AngleRad = 0.4 };
        Assert.Equal(-0.4, TruthGeometry.Map(p, 0, 0, new Matrix2(1, 0, 0, -1)).AngleRad, 12);
        Assert.Equal(-0.4, TruthGeometry.Map(p, 0, 0, new Matrix2(-1, 0, 0, 1)).AngleRad, 12);
        Assert.Equal(0.4, TruthGeometry.Map(p, 0, 0, new Matrix2(-1, 0, 0, -1)).AngleRad, 12);
    }

    [Theory]
    [InlineData(1.3, 0.7, 0.4, 0.5, 0.3)]
    [InlineData(0.6, 2.0, -0.8, 1.2, -1.1)]
    public void AGeneralAffineMapsTheEllipseOntoTheTransformedConic(double sx, double sy, double shear, double turn, double angle)
    {
        // Points of the original ellipse, mapped by A, must lie on the new ellipse: (R(−θ')·q)ᵀ diag(1/a'², 1/b'²) (R(−θ')·q) = 1.
        var a = Matrix2.Rotation(turn) * new Matrix2(sx, 0, 0, sy) * new Matrix2(1, shear, 0, 1);
        var p = new ParticleTruth(0, 0) { RadiusNm = 5, MinorRadiusNm = 2, AngleRad = angle };
        var moved = TruthGeometry.Map(p, 0, 0, a);
        Assert.True(moved.RadiusNm >= moved.MinorRadiusNm);
        Assert.Equal(moved.RadiusNm * moved.MinorRadiusNm, 10 * Math.Abs(a.Determinant), 9);
        var back = Matrix2.Rotation(-moved.AngleRad);
        for (var i = 0; i < 36; i++)
        {
            var t = i * Math.PI / 18;
            var (ex, ey) = Matrix2.Rotation(angle).Apply(5 * Math.Cos(t), 2 * Math.Sin(t));
            var (qx, qy) = a.Apply(ex, ey);
            var (u, v) = back.Apply(qx, qy);
            var level = (u * u / (moved.RadiusNm * moved.RadiusNm)) + (v * v / (moved.MinorRadiusNm * moved.MinorRadiusNm));
            Assert.Equal(1, level, 10);
        }
    }

    [Fact]
    public void TheGeneralPathAgreesWithTheSimilarityPath()
    {
        var a = Matrix2.Rotation(1.1) * new Matrix2(0.8, 0, 0, 0.8);
        var (major, minor, angle) = TruthGeometry.Ellipse(a, 7, 3, -0.6);
        var exact = TruthGeometry.Map(new ParticleTruth(0, 0) { RadiusNm = 7, MinorRadiusNm = 3, AngleRad = -0.6 }, 0, 0, a);
        Assert.Equal(exact.RadiusNm, major, 10);
        Assert.Equal(exact.MinorRadiusNm, minor, 10);
        Assert.Equal(exact.AngleRad, angle, 10);
    }

    [Fact]
    public void RoundBodiesScaleBySqrtDet()
    {
        var p = new ParticleTruth(0, 0) { RadiusNm = 100 };
        var moved = TruthGeometry.Map(p, 0, 0, new Matrix2(2, 0.5, 0, 0.5));
        Assert.Equal(100, moved.RadiusNm, 12);
        Assert.True(double.IsNaN(moved.AngleRad));
        Assert.Equal(200, TruthGeometry.Map(p, 0, 0, new Matrix2(0, -2, 2, 0)).RadiusNm, 12);
    }

    [Theory]
    [InlineData(0.3, 0.3)]
    [InlineData(Math.PI / 2, Math.PI / 2)]
    [InlineData(-Math.PI / 2, Math.PI / 2)]
    [InlineData(2.0, 2.0 - Math.PI)]
    [InlineData(-7.0, -7.0 + (2 * Math.PI))]
    public void AnglesAreNormalizedModuloPi(double angle, double expected)
    {
        Assert.Equal(expected, TruthGeometry.Normalize(angle), 12);
    }
}
