namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>
/// Dimensionless efficiencies of a sphere (cross section over πa²) and its asymmetry parameter g = ⟨cos θ⟩.
/// <see cref="Backscattering"/> is the radar backscattering efficiency 4|S1(π)|²/x² (Bohren &amp; Huffman eq. 4.82).
/// </summary>
public readonly record struct MieEfficiencies(
    double Extinction,
    double Scattering,
    double Absorption,
    double Backscattering,
    double Asymmetry);
