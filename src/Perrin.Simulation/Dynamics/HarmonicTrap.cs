using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// An isotropic harmonic trap (optical tweezers, tethers) given by its confinement length: the standard deviation
/// of the particle's position along each axis at equilibrium, sqrt(kT / stiffness). The motion is the
/// Ornstein–Uhlenbeck process, stepped with its exact transition law, so any step length is exact; the
/// relaxation time is length² / D. A constant drift acts as a constant force and shifts the rest point by
/// drift × relaxation time.
/// </summary>
public sealed class HarmonicTrap : Confinement
{
    /// <param name="confinementLengthUm">Equilibrium standard deviation per axis, in µm.</param>
    /// <param name="centre">The trap centre; null puts each particle's trap where the particle starts.</param>
    public HarmonicTrap(double confinementLengthUm, ParticlePosition? centre = null)
    {
        if (!(confinementLengthUm > 0) || double.IsInfinity(confinementLengthUm))
        {
            throw new ArgumentOutOfRangeException(nameof(confinementLengthUm), $"the confinement length must be a positive number of µm, not {confinementLengthUm}");
        }

        ConfinementLengthUm = confinementLengthUm;
        Centre = centre;
    }

    public double ConfinementLengthUm { get; }

    public ParticlePosition? Centre { get; }

    internal override ParticlePosition Step(in AxisScales scales, ParticlePosition from, ParticlePosition anchor, double dt, RandomStream random)
    {
        var centre = Centre ?? anchor;
        var lengthXy = ConfinementLengthUm * scales.PixelsPerMicrometre;
        var x = OrnsteinUhlenbeck(from.X, centre.X, lengthXy, scales.DiffusionXy, scales.DriftX, dt, random);
        var y = OrnsteinUhlenbeck(from.Y, centre.Y, lengthXy, scales.DiffusionXy, scales.DriftY, dt, random);
        var z = scales.ThreeDimensional
            ? OrnsteinUhlenbeck(from.Z, centre.Z, ConfinementLengthUm * 1000, scales.DiffusionZ, scales.DriftZ, dt, random)
            : from.Z;
        return new ParticlePosition(x, y, z);
    }

    private static double OrnsteinUhlenbeck(double x, double centre, double length, double diffusion, double drift, double dt, RandomStream random)
    {
        var relaxation = length * length / diffusion;
        var rest = centre + (drift * relaxation);
        var decay = Math.Exp(-dt / relaxation);
        var spread = length * Math.Sqrt(OneMinusExpMinus(2 * dt / relaxation));
        return rest + ((x - rest) * decay) + (spread * random.Normal());
    }

    /// <summary>1 − e^(−y) without the cancellation of the direct form for the short sub-steps of motion blur.</summary>
    private static double OneMinusExpMinus(double y)
        => y < 1e-3 ? y * (1 - (y / 2 * (1 - (y / 3 * (1 - (y / 4)))))) : 1 - Math.Exp(-y);
}
