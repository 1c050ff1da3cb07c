using System.Numerics;

namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>Cartesian components (nm) of a far-field scattering amplitude F, where E_scattered → E0 F e^{ikr}/r.</summary>
public readonly record struct FarFieldVector(Complex X, Complex Y, Complex Z)
{
    /// <summary>|F|² = differential scattering cross section dC_sca/dΩ in nm²/sr for this polarization.</summary>
    public double SquaredNorm =>
        X.Real * X.Real + X.Imaginary * X.Imaginary +
        Y.Real * Y.Real + Y.Imaginary * Y.Imaginary +
        Z.Real * Z.Real + Z.Imaginary * Z.Imaginary;
}
