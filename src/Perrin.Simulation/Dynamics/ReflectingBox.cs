using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// Reflecting walls of a rectangular box: x and y bounds in pixels, z bounds in nm (infinite bounds leave an axis
/// free). Each step is taken freely and then mirrored at the walls, which is the exact reflected Brownian motion
/// of a flat wall per axis and so keeps a uniform density uniform.
/// </summary>
public sealed class ReflectingBox : Confinement
{
    public ReflectingBox(double xMin, double xMax, double yMin, double yMax, double zMinNm = double.NegativeInfinity, double zMaxNm = double.PositiveInfinity)
    {
        CheckRange(xMin, xMax, nameof(xMin));
        CheckRange(yMin, yMax, nameof(yMin));
        if (!(zMinNm < zMaxNm) || double.IsPositiveInfinity(zMinNm) || double.IsNegativeInfinity(zMaxNm) || double.IsInfinity(zMinNm) != double.IsInfinity(zMaxNm))
        {
            throw new ArgumentOutOfRangeException(nameof(zMinNm), $"the z walls must both be finite with zMin < zMax, or both infinite, not [{zMinNm}, {zMaxNm}]");
        }

        XMin = xMin;
        XMax = xMax;
        YMin = yMin;
        YMax = yMax;
        ZMinNm = zMinNm;
        ZMaxNm = zMaxNm;
    }

    public double XMin { get; }

    public double XMax { get; }

    public double YMin { get; }

    public double YMax { get; }

    public double ZMinNm { get; }

    public double ZMaxNm { get; }

    internal override ParticlePosition Step(in AxisScales scales, ParticlePosition from, ParticlePosition anchor, double dt, RandomStream random)
    {
        var p = FreeStep(scales, from, dt, random);
        var z = double.IsInfinity(ZMinNm) ? p.Z : Fold(p.Z, ZMinNm, ZMaxNm);
        return new ParticlePosition(Fold(p.X, XMin, XMax), Fold(p.Y, YMin, YMax), z);
    }

    private static void CheckRange(double min, double max, string name)
    {
        if (!(min < max) || !double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(name, $"a box needs finite walls with min < max, not [{min}, {max}]");
        }
    }
}
