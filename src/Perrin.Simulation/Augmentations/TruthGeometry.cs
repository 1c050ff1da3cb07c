using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Augmentations;

/// <summary>
/// Moves a particle's truth with an image transformation whose local linear part at the particle is A (the
/// Jacobian of the input → output map). The image is warped by resampling, so pixel values keep their level:
/// the spot's integrated signal, and with it <see cref="ParticleTruth.Photons"/>, scales by |det A|.
/// Shapes: an ellipse (semi-axes <see cref="ParticleTruth.RadiusNm"/> ≥ <see cref="ParticleTruth.MinorRadiusNm"/>
/// at <see cref="ParticleTruth.AngleRad"/>) maps to the ellipse through the transformed conic, the eigenvectors
/// of A·R·diag(a², b²)·Rᵀ·Aᵀ; for a similarity (rotation, reflection and isotropic scale) the axes simply scale and
/// the angle turns, exactly. A round body (no minor axis) keeps a radius scaled by √|det A|, exact for a
/// similarity and the radius of the same area otherwise. Z, the axial radius and the intensity do not change.
/// Angles come out in (−π/2, π/2].
/// </summary>
public static class TruthGeometry
{
    private const double SimilarityTolerance = 1e-12;

    public static ParticleTruth Map(in ParticleTruth particle, double x, double y, Matrix2 a)
    {
        var det = Math.Abs(a.Determinant);
        var moved = particle with { X = x, Y = y, Photons = particle.Photons * det };
        if (!double.IsFinite(particle.RadiusNm))
        {
            return moved;
        }

        if (!double.IsFinite(particle.MinorRadiusNm))
        {
            return moved with { RadiusNm = particle.RadiusNm * Math.Sqrt(det) };
        }

        var angle = double.IsFinite(particle.AngleRad) ? particle.AngleRad : 0;
        var scale = Math.Sqrt(det);
        var norm = Math.Abs(a.A11) + Math.Abs(a.A12) + Math.Abs(a.A21) + Math.Abs(a.A22);
        var tolerance = SimilarityTolerance * norm;
        if (Math.Abs(a.A11 - a.A22) <= tolerance && Math.Abs(a.A12 + a.A21) <= tolerance)
        {
            var turn = Math.Atan2(a.A21, a.A11);
            return moved with { RadiusNm = particle.RadiusNm * scale, MinorRadiusNm = particle.MinorRadiusNm * scale, AngleRad = Normalize(turn + angle) };
        }

        if (Math.Abs(a.A11 + a.A22) <= tolerance && Math.Abs(a.A12 - a.A21) <= tolerance)
        {
            var axis = Math.Atan2(a.A21, a.A11);
            return moved with { RadiusNm = particle.RadiusNm * scale, MinorRadiusNm = particle.MinorRadiusNm * scale, AngleRad = Normalize(axis - angle) };
        }

        var (major, minor, theta) = Ellipse(a, particle.RadiusNm, particle.MinorRadiusNm, angle);
        return moved with { RadiusNm = major, MinorRadiusNm = minor, AngleRad = theta };
    }

    /// <summary>The semi-axes (major first) and angle of the image of the ellipse (a, b, θ) under A.</summary>
    public static (double Major, double Minor, double AngleRad) Ellipse(Matrix2 a, double major, double minor, double angleRad)
    {
        var shape = a * Matrix2.Rotation(angleRad);
        var c1 = new Matrix2(shape.A11 * major, shape.A12 * minor, shape.A21 * major, shape.A22 * minor);
        var m11 = (c1.A11 * c1.A11) + (c1.A12 * c1.A12);
        var m12 = (c1.A11 * c1.A21) + (c1.A12 * c1.A22);
        var m22 = (c1.A21 * c1.A21) + (c1.A22 * c1.A22);
        var mean = (m11 + m22) / 2;
        var spread = Math.Sqrt((((m11 - m22) / 2) * ((m11 - m22) / 2)) + (m12 * m12));
        var theta = 0.5 * Math.Atan2(2 * m12, m11 - m22);
        return (Math.Sqrt(mean + spread), Math.Sqrt(Math.Max(0, mean - spread)), Normalize(theta));
    }

    /// <summary>An axis angle in (−π/2, π/2]: an ellipse turned by π is the same ellipse.</summary>
    public static double Normalize(double angleRad)
    {
        var turned = Math.IEEERemainder(angleRad, Math.PI);
        return turned <= -Math.PI / 2 ? turned + Math.PI : turned;
    }
}
