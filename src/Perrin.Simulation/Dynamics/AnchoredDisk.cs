using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// A reflecting circular wall of radius <see cref="RadiusUm"/> around where each particle starts (z is not
/// confined). The particle starts at the centre and spreads to the uniform density of the disk within a few R²/D;
/// as for <see cref="ReflectingDisk"/>, keep the steps well below the radius.
/// </summary>
public sealed class AnchoredDisk : Confinement
{
    public AnchoredDisk(double radiusUm)
    {
        if (!(radiusUm > 0) || double.IsInfinity(radiusUm))
        {
            throw new ArgumentOutOfRangeException(nameof(radiusUm), $"a disk needs a positive finite radius in µm, not {radiusUm}");
        }

        RadiusUm = radiusUm;
    }

    public double RadiusUm { get; }

    internal override ParticlePosition Step(in AxisScales scales, ParticlePosition from, ParticlePosition anchor, double dt, RandomStream random)
        => ReflectingDisk.Reflect(FreeStep(scales, from, dt, random), anchor.X, anchor.Y, RadiusUm * scales.PixelsPerMicrometre);
}
