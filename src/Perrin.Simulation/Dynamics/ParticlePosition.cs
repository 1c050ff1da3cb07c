namespace Perrin.Simulation.Dynamics;

/// <summary>
/// Where a particle is: <see cref="X"/> along columns and <see cref="Y"/> along rows in pixels, with (0, 0) at the
/// centre of the first pixel, and <see cref="Z"/> in nm from the focal plane, as in the ground truth.
/// </summary>
public readonly record struct ParticlePosition(double X, double Y, double Z = 0);
