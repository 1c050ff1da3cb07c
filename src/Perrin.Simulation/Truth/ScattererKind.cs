namespace Perrin.Simulation.Truth;

/// <summary>The recipe feature type a <see cref="ParticleTruth"/> was drawn from.</summary>
public enum ScattererKind
{
    PointEmitter,
    Sphere,
    MieSphere,
    Ellipse,
    Ellipsoid,
    Cell,
}
