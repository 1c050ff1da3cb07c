using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// A reflecting circular wall in the image plane (centre and radius in pixels; z is not confined). A step that
/// crosses the wall is mirrored along the radius. That is the flat-wall reflection to first order in
/// step / radius, so use steps well below the radius (a few percent keeps the density uniform within 1%).
/// </summary>
public sealed class ReflectingDisk : Confinement
{
    public ReflectingDisk(double centreX, double centreY, double radius)
    {
        if (!double.IsFinite(centreX) || !double.IsFinite(centreY) || !(radius > 0) || double.IsInfinity(radius))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), $"a disk needs a finite centre and a positive finite radius, not ({centreX}, {centreY}) r = {radius}");
        }

        CentreX = centreX;
        CentreY = centreY;
        Radius = radius;
    }

    public double CentreX { get; }

    public double CentreY { get; }

    public double Radius { get; }

    internal override ParticlePosition Step(in AxisScales scales, ParticlePosition from, ParticlePosition anchor, double dt, RandomStream random)
        => Reflect(FreeStep(scales, from, dt, random), CentreX, CentreY, Radius);

    /// <summary>Mirrors a position outside the circle back in along its radius.</summary>
    internal static ParticlePosition Reflect(ParticlePosition p, double centreX, double centreY, double radius)
    {
        var dx = p.X - centreX;
        var dy = p.Y - centreY;
        var r = Math.Sqrt((dx * dx) + (dy * dy));
        if (r <= radius)
        {
            return p;
        }

        // A negative folded radius means the mirrored path went through the centre to the opposite side.
        var scale = Fold(r, -radius, radius) / r;
        return p with { X = centreX + (dx * scale), Y = centreY + (dy * scale) };
    }
}
