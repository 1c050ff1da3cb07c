using Perrin.Simulation.Dynamics;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// One frame of a <see cref="BrownianMovie"/>: movie and frame index, the particles in the field (truth: the
/// position averaged over the exposure) and, with motion blur, the positions during the exposure in the same
/// order (empty arrays otherwise).
/// </summary>
public sealed record MovieFrame(int Movie, int Index, ParticleTruth[] Truth, IReadOnlyList<ParticlePosition[]> ExposureSamples);
