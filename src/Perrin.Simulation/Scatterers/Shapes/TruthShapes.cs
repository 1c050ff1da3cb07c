using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Scatterers.Shapes;

/// <summary>
/// The body of a ground-truth entry, built from the truth alone (so labels and every modality redraw the same
/// body): <c>sphere</c> → <see cref="SphereShape"/>(radius); <c>ellipsoid</c> → <see cref="EllipsoidShape"/>(radius,
/// minor radius or radius, axial radius or minor radius, angle or 0); <c>ellipse</c> → <see cref="EllipseShape"/>
/// (radius, minor radius or radius, angle or 0) of thickness 2 × axial radius when the truth has one, else one
/// pixel; <c>cell</c> → <see cref="CellShape"/>(radius, minor radius or radius, half thickness = axial radius or
/// half the minor radius, angle or 0, <see cref="ParticleTruth.ShapeSeed"/>).
/// </summary>
public static class TruthShapes
{
    /// <summary>Whether particles of this kind are extended bodies with a <see cref="SolidShape"/>.</summary>
    public static bool IsExtended(ScattererKind kind) =>
        kind is ScattererKind.Sphere or ScattererKind.Ellipse or ScattererKind.Ellipsoid or ScattererKind.Cell;

    /// <summary>
    /// The body of <paramref name="particle"/> in an image of pixels <paramref name="pixelSizeNm"/> nm wide.
    /// Throws <see cref="ArgumentException"/> for point emitters and Mie spheres (drawn by their own models) and for
    /// missing or invalid sizes.
    /// </summary>
    public static SolidShape For(in ParticleTruth particle, double pixelSizeNm)
    {
        var radius = particle.RadiusNm;
        var minor = Or(particle.MinorRadiusNm, radius);
        var angle = Or(particle.AngleRad, 0);
        return particle.Kind switch
        {
            ScattererKind.Sphere => new SphereShape(particle.X, particle.Y, particle.Z, radius, pixelSizeNm),
            ScattererKind.Ellipsoid => new EllipsoidShape(particle.X, particle.Y, particle.Z, radius, minor, Or(particle.AxialRadiusNm, minor), angle, pixelSizeNm),
            ScattererKind.Ellipse => new EllipseShape(particle.X, particle.Y, particle.Z, radius, minor, angle, Or(2 * particle.AxialRadiusNm, pixelSizeNm), pixelSizeNm),
            ScattererKind.Cell => new CellShape(particle.X, particle.Y, particle.Z, radius, minor, Or(particle.AxialRadiusNm, minor / 2), angle, particle.ShapeSeed, pixelSizeNm),
            var other => throw new ArgumentException($"A {other.FeatureName()} is not an extended body with a shape.", nameof(particle)),
        };
    }

    private static double Or(double value, double fallback) => double.IsFinite(value) ? value : fallback;
}
