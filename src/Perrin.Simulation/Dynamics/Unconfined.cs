using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>Free diffusion with drift.</summary>
public sealed class Unconfined : Confinement
{
    internal Unconfined()
    {
    }

    internal override ParticlePosition Step(in AxisScales scales, ParticlePosition from, ParticlePosition anchor, double dt, RandomStream random)
        => FreeStep(scales, from, dt, random);
}
