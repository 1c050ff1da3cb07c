using Perrin.Core.Randomness;

namespace Perrin.Simulation.Dynamics;

/// <summary>
/// A square lattice of reflecting compartments of side <see cref="SideUm"/> tiling the image plane from the corner
/// of the first pixel (membrane corrals, the picket-fence picture): a particle stays in the compartment it starts
/// in, and a particle placed uniformly is uniform in its compartment, so the motion is stationary from the first
/// frame. Each step is mirrored at the walls, the exact reflected Brownian motion per axis; z is not confined.
/// </summary>
public sealed class Compartments : Confinement
{
    public Compartments(double sideUm)
    {
        if (!(sideUm > 0) || double.IsInfinity(sideUm))
        {
            throw new ArgumentOutOfRangeException(nameof(sideUm), $"the compartments need a positive finite side in µm, not {sideUm}");
        }

        SideUm = sideUm;
    }

    public double SideUm { get; }

    internal override ParticlePosition Step(in AxisScales scales, ParticlePosition from, ParticlePosition anchor, double dt, RandomStream random)
    {
        var side = SideUm * scales.PixelsPerMicrometre;
        var x0 = -0.5 + (side * Math.Floor((anchor.X + 0.5) / side));
        var y0 = -0.5 + (side * Math.Floor((anchor.Y + 0.5) / side));
        var p = FreeStep(scales, from, dt, random);
        return p with { X = Fold(p.X, x0, x0 + side), Y = Fold(p.Y, y0, y0 + side) };
    }
}
