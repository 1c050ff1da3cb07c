using System.Numerics;

namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>
/// A homogeneous sphere of radius a (nm) and complex index n_particle = n + iκ (κ ≥ 0 absorbs) in a medium of
/// real index n_medium, lit at vacuum wavelength λ (nm): the Mie series for m = n_particle/n_medium and
/// x = 2π n_medium a / λ, with cross sections in nm². Immutable and thread-safe; share instances through
/// <see cref="MieSphereCache"/>.
/// </summary>
public sealed class MieSphere
{
    public MieSphere(double radiusNm, Complex particleIndex, double mediumIndex, double wavelengthNm)
    {
        CheckPositive(radiusNm, nameof(radiusNm));
        CheckPositive(mediumIndex, nameof(mediumIndex));
        CheckPositive(wavelengthNm, nameof(wavelengthNm));
        RadiusNm = radiusNm;
        ParticleIndex = particleIndex;
        MediumIndex = mediumIndex;
        WavelengthNm = wavelengthNm;
        WavenumberPerNm = 2 * Math.PI * mediumIndex / wavelengthNm;
        Solution = MieSolution.Compute(particleIndex / mediumIndex, WavenumberPerNm * radiusNm);
    }

    public double RadiusNm { get; }

    public Complex ParticleIndex { get; }

    public double MediumIndex { get; }

    /// <summary>Vacuum wavelength in nm.</summary>
    public double WavelengthNm { get; }

    /// <summary>k = 2π n_medium / λ, the wavenumber in the medium, in rad/nm.</summary>
    public double WavenumberPerNm { get; }

    public MieSolution Solution { get; }

    public MieEfficiencies Efficiencies => Solution.Efficiencies;

    public double GeometricCrossSectionNm2 => Math.PI * RadiusNm * RadiusNm;

    public double ExtinctionCrossSectionNm2 => Efficiencies.Extinction * GeometricCrossSectionNm2;

    public double ScatteringCrossSectionNm2 => Efficiencies.Scattering * GeometricCrossSectionNm2;

    public double AbsorptionCrossSectionNm2 => Efficiencies.Absorption * GeometricCrossSectionNm2;

    /// <summary>Radar backscattering cross section 4π dC_sca/dΩ(θ = π), in nm².</summary>
    public double BackscatteringCrossSectionNm2 => Efficiencies.Backscattering * GeometricCrossSectionNm2;

    /// <summary>Differential scattering cross section of unpolarized light, (|S1|² + |S2|²)/(2k²), in nm²/sr.</summary>
    public double DifferentialCrossSectionNm2(double cosTheta)
    {
        var s = Solution.Amplitudes(cosTheta);
        double k2 = WavenumberPerNm * WavenumberPerNm;
        return (Complex.Abs(s.S1) * Complex.Abs(s.S1) + Complex.Abs(s.S2) * Complex.Abs(s.S2)) / (2 * k2);
    }

    private static void CheckPositive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive and finite.");
        }
    }
}
