using System.Numerics;
using Perrin.Core.Maths;
using Perrin.Simulation.Scatterers.Mie;

namespace Perrin.Simulation.Iscat;

/// <summary>
/// What a sphere sends back into the objective under x-polarized plane-wave illumination, in the terms of
/// <see cref="MiePupilField"/> (backward hemisphere): the far-field amplitude e*·F = (i/k)[S2·u_z·cos²φ + S1·sin²φ]
/// towards the direction at angle θ from the optical axis (u_z = −cos θ, scattering angle π − θ), over the cone
/// sin θ ≤ NA/n_medium. The azimuth is integrated in closed form, θ with Gauss–Legendre nodes.
/// </summary>
public static class MieBackscatter
{
    private const int Nodes = 32;

    /// <summary>
    /// σ_NA = ∫ |e*·F|² dΩ over the collection cone (nm²): the power the objective collects, as a fraction of the
    /// incident intensity. An aperture beyond the medium's index collects the whole backward hemisphere.
    /// </summary>
    public static double CollectedCrossSectionNm2(MieSphere sphere, double numericalAperture)
    {
        ArgumentNullException.ThrowIfNull(sphere);
        double k = sphere.WavenumberPerNm;
        return Integrate(sphere, numericalAperture, (s1, s2, uz) =>
            ((0.75 * Math.PI * ((Norm(s2) * uz * uz) + Norm(s1))) + (0.5 * Math.PI * (s2 * uz * Complex.Conjugate(s1)).Real)) / (k * k)).Real;
    }

    /// <summary>
    /// The scattered field at the sphere's centre as the objective sees it, relative to the incident field there:
    /// the angular spectrum of <see cref="MiePupilField"/> summed over the collected frequencies, which equals
    /// (i·n/λ)·∫ e*·F dΩ over the cone. Its phase is the phase of the particle's image peak.
    /// </summary>
    public static Complex CentreField(MieSphere sphere, double numericalAperture)
    {
        ArgumentNullException.ThrowIfNull(sphere);
        double k = sphere.WavenumberPerNm;
        Complex solid = Integrate(sphere, numericalAperture, (s1, s2, uz) => Complex.ImaginaryOne / k * Math.PI * ((s2 * uz) + s1));
        return Complex.ImaginaryOne * (sphere.MediumIndex / sphere.WavelengthNm) * solid;
    }

    /// <summary>
    /// Amplitude of the sphere's field relative to a reference of field reflectivity r, for an
    /// <see cref="Optics.ICoherentPsf"/> of unit power: |a| = √(σ_NA/pixel²)/r (the collected power against the
    /// reference power per pixel), with the phase of <see cref="CentreField"/>.
    /// </summary>
    public static Complex RelativeAmplitude(MieSphere sphere, double numericalAperture, double reflectivity, double pixelSizeNm)
    {
        if (!(reflectivity > 0 && reflectivity <= 1))
        {
            throw new ArgumentException($"The reflectivity must lie in (0, 1], got {reflectivity}.", nameof(reflectivity));
        }

        if (!(pixelSizeNm > 0 && double.IsFinite(pixelSizeNm)))
        {
            throw new ArgumentException($"The pixel size must be positive and finite, got {pixelSizeNm}.", nameof(pixelSizeNm));
        }

        double magnitude = Math.Sqrt(CollectedCrossSectionNm2(sphere, numericalAperture)) / pixelSizeNm / reflectivity;
        return Complex.FromPolarCoordinates(magnitude, CentreField(sphere, numericalAperture).Phase);
    }

    private static double Norm(Complex z) => (z.Real * z.Real) + (z.Imaginary * z.Imaginary);

    // ∫₀^θmax g(S1, S2, u_z) sin θ dθ, with S1, S2 at cos(scattering angle) = u_z = −cos θ.
    private static Complex Integrate(MieSphere sphere, double numericalAperture, Func<Complex, Complex, double, Complex> integrand)
    {
        if (!(numericalAperture > 0 && double.IsFinite(numericalAperture)))
        {
            throw new ArgumentException($"The numerical aperture must be positive and finite, got {numericalAperture}.", nameof(numericalAperture));
        }

        double thetaMax = Math.Asin(Math.Min(1, numericalAperture / sphere.MediumIndex));
        var rule = GaussLegendre.Get(Nodes);
        Complex sum = Complex.Zero;
        for (int i = 0; i < rule.Order; i++)
        {
            double theta = 0.5 * thetaMax * (rule.Nodes[i] + 1);
            double uz = -Math.Cos(theta);
            var s = sphere.Solution.Amplitudes(uz);
            sum += rule.Weights[i] * Math.Sin(theta) * integrand(s.S1, s.S2, uz);
        }

        return 0.5 * thetaMax * sum;
    }
}
