namespace Perrin.Simulation.Optics;

/// <summary>Indices of four neighbouring table patches and their interpolation weights.</summary>
internal readonly record struct PatchCorners(int P00, int P01, int P10, int P11, double W00, double W01, double W10, double W11);
