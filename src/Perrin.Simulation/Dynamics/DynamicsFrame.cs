using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// The particles seen in one frame: their truth (position at the start of the exposure, or the mean of the
/// exposure samples with motion blur) and, with motion blur, the positions during the exposure to average the
/// PSF over (empty arrays otherwise), in the same order.
/// </summary>
public sealed class DynamicsFrame
{
    internal DynamicsFrame(int index, IReadOnlyList<ParticleTruth> particles, IReadOnlyList<ParticlePosition[]> exposureSamples)
    {
        Index = index;
        Particles = particles;
        ExposureSamples = exposureSamples;
    }

    /// <summary>0-based frame number.</summary>
    public int Index { get; }

    public IReadOnlyList<ParticleTruth> Particles { get; }

    public IReadOnlyList<ParticlePosition[]> ExposureSamples { get; }
}
