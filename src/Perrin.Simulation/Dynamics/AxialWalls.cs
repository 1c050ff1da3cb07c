using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// Reflecting planes at z = <see cref="ZMinNm"/> and <see cref="ZMaxNm"/> (a coverslip and a ceiling, or the
/// depth a movie simulates) on top of another confinement in the plane; the z step is mirrored at the planes,
/// which keeps a uniform z density uniform.
/// </summary>
public sealed class AxialWalls : Confinement
{
    public AxialWalls(Confinement inPlane, double zMinNm, double zMaxNm)
    {
        ArgumentNullException.ThrowIfNull(inPlane);
        if (!(zMinNm < zMaxNm) || !double.IsFinite(zMinNm) || !double.IsFinite(zMaxNm))
        {
            throw new ArgumentOutOfRangeException(nameof(zMinNm), $"the z walls must be finite with zMin < zMax, not [{zMinNm}, {zMaxNm}]");
        }

        InPlane = inPlane;
        ZMinNm = zMinNm;
        ZMaxNm = zMaxNm;
    }

    public Confinement InPlane { get; }

    public double ZMinNm { get; }

    public double ZMaxNm { get; }

    internal override ParticlePosition Step(in AxisScales scales, ParticlePosition from, ParticlePosition anchor, double dt, RandomStream random)
    {
        var p = InPlane.Step(scales, from, anchor, dt, random);
        return p with { Z = Fold(p.Z, ZMinNm, ZMaxNm) };
    }
}
