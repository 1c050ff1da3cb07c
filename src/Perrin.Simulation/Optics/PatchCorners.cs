namespace Perrin.Simulation.Optics;

/// <summary>Indices of four neighbouring table patches and their interpolation weights.</summary>
internal readonly record struct PatchCorners(int P00, int P01, int P10, int P11, double W00, double W01, double W10, double W11)
{
    public int Patch(int corner) => corner switch { 0 => P00, 1 => P01, 2 => P10, _ => P11 };

    public double Weight(int corner) => corner switch { 0 => W00, 1 => W01, 2 => W10, _ => W11 };
}
