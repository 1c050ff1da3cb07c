using System.Numerics;
using Perrin.Simulation.Iscat;
using Perrin.Simulation.Scatterers.Mie;

namespace Perrin.Simulation.Tests.Iscat;

public sealed class MieBackscatterTests
{
    private const double Wavelength = 662;
    private const double Water = 1.333;
    private static readonly Complex Polystyrene = new(1.59, 0);

    // Gold at 660 nm, Johnson & Christy, Phys. Rev. B 6, 4370 (1972): n ≈ 0.16 + 3.6i.
    private static readonly Complex Gold = new(0.16, 3.6);

    [Fact]
    public void ASmallSphereSendsTheDipolePowerIntoTheBackwardHemisphere()
    {
        // Rayleigh limit (Bohren & Huffman §5.2): S1 = S, S2 = S·cos θ, |S| = x³·|(m² − 1)/(m² + 2)|. The
        // x-polarized part of a dipole's pattern, (1 − u_x²)², integrates to 4π·8/15 over the sphere, so one
        // hemisphere holds σ = (16π/15)·|S|²/k². Radiative and size corrections are O(x²) ≈ 0.4% at 5 nm.
        var sphere = new MieSphere(5, Polystyrene, Water, Wavelength);
        double x = sphere.WavenumberPerNm * 5;
        var m = Polystyrene / Water;
        double s = Math.Pow(x, 3) * ((m * m) - 1).Magnitude / ((m * m) + 2).Magnitude;
        double expected = 16 * Math.PI / 15 * s * s / (sphere.WavenumberPerNm * sphere.WavenumberPerNm);
        double collected = MieBackscatter.CollectedCrossSectionNm2(sphere, Water);
        Assert.InRange(collected / expected, 0.99, 1.01);
        Assert.True(MieBackscatter.CollectedCrossSectionNm2(sphere, 1.0) < collected);
        Assert.Equal(collected, MieBackscatter.CollectedCrossSectionNm2(sphere, 1.4), 12);
    }

    [Fact]
    public void ADielectricDipoleFieldLeadsTheIncidentFieldByAQuarterWave()
    {
        // For a lossless Rayleigh sphere S ≈ −i·x³·(m² − 1)/(m² + 2) (Bohren & Huffman eq. 5.7 with S1 = 3a₁/2), so
        // e*·F = (i/k)·S is real and positive and the collected field (i·n/λ)·∫e*·F dΩ has phase π/2 (to O(x³)).
        var sphere = new MieSphere(10, Polystyrene, Water, Wavelength);
        var phase = MieBackscatter.CentreField(sphere, 1.3).Phase;
        Assert.InRange(phase, (Math.PI / 2) - 0.01, (Math.PI / 2) + 0.01);
    }

    [Theory]
    [InlineData(1.59, 0.0, 10, 0.035)]
    [InlineData(0.16, 3.6, 5, 0.04)]
    public void AmplitudeScalesWithTheVolume(double n, double kappa, double smallest, double tolerance)
    {
        // Rayleigh regime: the scattered field ∝ polarizability ∝ a³, so |a| grows as r³ up to 3·smallest. The
        // next term of the Mie series is O(x²) and, for a metal, O((|m|·x)²): polystyrene keeps within 3.5% up to
        // 30 nm (x = 0.38); gold (|m| ≈ 2.7 in water) keeps within 4% from 5 to 15 nm and is 15% above r³ at 30 nm.
        var index = new Complex(n, kappa);
        double At(double r) => MieBackscatter.RelativeAmplitude(new MieSphere(r, index, Water, Wavelength), 1.33, 0.065, 23).Magnitude;
        double reference = At(smallest);
        foreach (var factor in new[] { 1.5, 2.0, 3.0 })
        {
            Assert.InRange(At(factor * smallest) / reference / Math.Pow(factor, 3), 1 - tolerance, 1 + tolerance);
        }
    }

    [Fact]
    public void AmplitudeIsTheCollectedPowerOverTheReferencePowerPerPixel()
    {
        var sphere = new MieSphere(40, Gold, Water, Wavelength);
        var a = MieBackscatter.RelativeAmplitude(sphere, 1.2, 0.065, 23);
        Assert.Equal(MieBackscatter.CollectedCrossSectionNm2(sphere, 1.2), Math.Pow(a.Magnitude * 0.065 * 23, 2), 9);
        Assert.Equal(MieBackscatter.CentreField(sphere, 1.2).Phase, a.Phase, 12);
        Assert.Throws<ArgumentException>(() => MieBackscatter.RelativeAmplitude(sphere, 1.2, 0, 23));
    }
}
