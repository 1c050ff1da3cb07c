using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>What keeps a Brownian particle in place: nothing, reflecting walls, or a harmonic trap.</summary>
public abstract class Confinement
{
    private protected Confinement()
    {
    }

    public static Confinement None { get; } = new Unconfined();

    /// <summary>
    /// Moves a particle over <paramref name="dt"/> seconds. Draws exactly one standard normal per moving axis
    /// (x, y, then z), so the stream stays aligned whatever the confinement.
    /// </summary>
    internal abstract ParticlePosition Step(in AxisScales scales, ParticlePosition from, ParticlePosition anchor, double dt, RandomStream random);

    internal static ParticlePosition FreeStep(in AxisScales scales, ParticlePosition from, double dt, RandomStream random)
    {
        var sigmaXy = Math.Sqrt(2 * scales.DiffusionXy * dt);
        var x = from.X + (scales.DriftX * dt) + (sigmaXy * random.Normal());
        var y = from.Y + (scales.DriftY * dt) + (sigmaXy * random.Normal());
        var z = scales.ThreeDimensional
            ? from.Z + (scales.DriftZ * dt) + (Math.Sqrt(2 * scales.DiffusionZ * dt) * random.Normal())
            : from.Z;
        return new ParticlePosition(x, y, z);
    }

    /// <summary>Folds a coordinate into [low, high] as repeated mirror reflections at both walls do.</summary>
    internal static double Fold(double u, double low, double high)
    {
        var width = high - low;
        var period = 2 * width;
        var m = u - low;
        m -= period * Math.Floor(m / period);
        if (m > width)
        {
            m = period - m;
        }

        return low + m;
    }
}
