using System.Numerics;
using Perrin.Simulation.Scatterers.Mie;

namespace Perrin.Simulation.Tests.Scatterers.Mie;

public class MiePupilFieldTests
{
    private static readonly MieSphere Bead = new(500, new Complex(1.59, 0), 1.33, 532);
    private static readonly MieSphere Gold = new(40, new Complex(0.54, 2.14), 1.33, 532);

    public static TheoryData<int, IlluminationPolarization> Cases => new()
    {
        { 0, IlluminationPolarization.LinearX },
        { 0, IlluminationPolarization.LinearY },
        { 0, IlluminationPolarization.Circular },
        { 1, IlluminationPolarization.LinearX },
    };

    private static MieSphere Pick(int which) => which == 0 ? Bead : Gold;

    [Theory]
    [MemberData(nameof(Cases))]
    public void FarFieldPowerOverAllDirectionsIsTheScatteringCrossSection(int which, IlluminationPolarization polarization)
    {
        // ∫ |F|² dΩ = C_sca = Q_sca π a². Gauss–Legendre in cos θ on each hemisphere (exact for the polynomial
        // |F|²) and the trapezoid rule in φ (exact for the trigonometric polynomial of degree 4).
        var sphere = Pick(which);
        double total = 0;
        foreach (var hemisphere in new[] { ScatteringHemisphere.Forward, ScatteringHemisphere.Backward })
        {
            var field = new MiePupilField(sphere, sphere.MediumIndex, polarization, hemisphere);
            total += Integrate(sphere.Solution.OrderCount + 1, 0, 1, (ux, uy) => field.FarField(ux, uy).SquaredNorm);
        }

        Assert.Equal(sphere.ScatteringCrossSectionNm2, total, 1e-10 * total);
    }

    [Fact]
    public void ScalarProjectionsMatchTheAmplitudeFunctions()
    {
        var k = Bead.WavenumberPerNm;
        var i = new Complex(0, 1 / k);
        var x = new MiePupilField(Bead, 1.2, IlluminationPolarization.LinearX);
        var y = new MiePupilField(Bead, 1.2, IlluminationPolarization.LinearY);
        var circular = new MiePupilField(Bead, 1.2, IlluminationPolarization.Circular);
        double sinTheta = 0.6, cosTheta = 0.8;
        var s = Bead.Solution.Amplitudes(cosTheta);

        // In the plane of the polarization the projection is (i/k) cos θ S2; perpendicular to it, (i/k) S1.
        AssertClose(i * cosTheta * s.S2, x.ScalarFarField(sinTheta, 0));
        AssertClose(i * s.S1, x.ScalarFarField(0, sinTheta));
        AssertClose(i * s.S1, y.ScalarFarField(sinTheta, 0));
        Assert.Equal(0, x.FarField(sinTheta, 0).Y.Magnitude, 1e-12);

        // Circular: (i/k)(S1 + cos θ S2)/2 at every azimuth, equal to the average over linear polarizations.
        var expected = i * (s.S1 + cosTheta * s.S2) / 2;
        foreach (var phi in new[] { 0.0, 0.4, 2.0, 4.5 })
        {
            double ux = sinTheta * Math.Cos(phi), uy = sinTheta * Math.Sin(phi);
            AssertClose(expected, circular.ScalarFarField(ux, uy));
            AssertClose(expected, (x.FarField(ux, uy).X + y.FarField(ux, uy).Y) / 2);
        }

        // On the axis: forward (i/k) S(0), backward (i/k) S1(π), for any polarization.
        var back = new MiePupilField(Bead, 1.2, IlluminationPolarization.LinearX, ScatteringHemisphere.Backward);
        AssertClose(i * Bead.Solution.Amplitudes(1).S1, x.ScalarFarField(0, 0));
        AssertClose(i * Bead.Solution.Amplitudes(-1).S1, back.ScalarFarField(0, 0));
        AssertClose(i * Bead.Solution.Amplitudes(1).S1, circular.ScalarFarField(0, 0));
    }

    [Theory]
    [InlineData(ScatteringHemisphere.Forward)]
    [InlineData(ScatteringHemisphere.Backward)]
    public void PupilSamplesCarryThePowerCollectedByTheAperture(ScatteringHemisphere hemisphere)
    {
        // Σ |P|² |uz| / (Δfx Δfy) over the pupil → ∫_{sin θ < NA/n} |e*·F|² dΩ, the co-polarized power inside
        // the aperture. The disk's edge on a 512² grid with a 200-sample radius leaves ~1e-3 of error.
        const double na = 1.0;
        const int size = 512;
        var field = new MiePupilField(Bead, na, IlluminationPolarization.LinearX, hemisphere);
        double pixel = 200 / (size * field.CutoffFrequencyPerNm);
        var pupil = new Complex[size * size];
        field.FillPupil(pupil, size, size, pixel);

        double df = 1 / (size * pixel);
        double scale = Bead.WavelengthNm / Bead.MediumIndex;
        double sum = 0;
        for (int row = 0; row < size; row++)
        {
            double fy = (row < size / 2 ? row : row - size) * df;
            for (int col = 0; col < size; col++)
            {
                double fx = (col < size / 2 ? col : col - size) * df;
                double uz = Math.Sqrt(Math.Max(0, 1 - (fx * fx + fy * fy) * scale * scale));
                double p2 = pupil[row * size + col].Magnitude * pupil[row * size + col].Magnitude;
                sum += p2 * uz / (df * df);
            }
        }

        double cosMax = Math.Sqrt(1 - na / Bead.MediumIndex * (na / Bead.MediumIndex));
        double cone = Integrate(Bead.Solution.OrderCount + 1, cosMax, 1, (ux, uy) =>
        {
            var a = field.ScalarFarField(ux, uy);
            return a.Real * a.Real + a.Imaginary * a.Imaginary;
        });
        Assert.Equal(cone, sum, 2e-3 * cone);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardFarFieldObeysTheOpticalTheorem(int which, IlluminationPolarization polarization)
    {
        // C_ext = (4π/k) Im(e*·F(0)): the amplitude the imaging code interferes with the unscattered beam
        // carries exactly the power the sphere removes from it.
        var sphere = Pick(which);
        var field = new MiePupilField(sphere, 1.2, polarization);
        double cExt = 4 * Math.PI / sphere.WavenumberPerNm * field.ScalarFarField(0, 0).Imaginary;
        Assert.Equal(sphere.ExtinctionCrossSectionNm2, cExt, 1e-12 * cExt);
    }

    [Fact]
    public void PupilIsInFftOrderAndZeroBeyondTheAperture()
    {
        var field = new MiePupilField(Gold, 0.9);
        const int width = 8, height = 6;
        const double pixel = 150;
        var pupil = new Complex[width * height];
        field.FillPupil(pupil, width, height, pixel);
        double dfx = 1 / (width * pixel), dfy = 1 / (height * pixel);
        AssertClose(field.AngularSpectrum(-dfx, 2 * dfy) * dfx * dfy, pupil[2 * width + width - 1]);
        AssertClose(field.AngularSpectrum(3 * dfx, -dfy) * dfx * dfy, pupil[(height - 1) * width + 3]);
        Assert.Equal(Complex.Zero, field.AngularSpectrum(field.CutoffFrequencyPerNm * 1.01, 0));
        Assert.NotEqual(Complex.Zero, field.AngularSpectrum(field.CutoffFrequencyPerNm * 0.99, 0));

        // Ã = i λ_m (e*·F) / |uz|.
        double f = 0.5 * field.CutoffFrequencyPerNm, lambdaM = Gold.WavelengthNm / Gold.MediumIndex;
        double u = f * lambdaM;
        AssertClose(new Complex(0, lambdaM / Math.Sqrt(1 - u * u)) * field.ScalarFarField(u, 0),
            field.AngularSpectrum(f, 0));
    }

    [Fact]
    public void RejectsBadOptics()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiePupilField(Bead, 1.4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiePupilField(Bead, 0));
        var field = new MiePupilField(Bead, 1.2);
        Assert.Throws<ArgumentOutOfRangeException>(() => field.FarField(0.9, 0.9));
        Assert.Throws<ArgumentException>(() => field.FillPupil(new Complex[10], 4, 4, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => field.FillPupil(new Complex[16], 4, 4, 0));
    }

    /// <summary>∫ over cos θ ∈ [lo, hi] and φ ∈ [0, 2π) of f(ux, uy).</summary>
    private static double Integrate(int nodes, double lo, double hi, Func<double, double, double> f)
    {
        const int azimuths = 16;
        var (mu, w) = GaussLegendre.Rule(nodes);
        double total = 0;
        for (int i = 0; i < mu.Length; i++)
        {
            double cosTheta = lo + (hi - lo) * (mu[i] + 1) / 2;
            double sinTheta = Math.Sqrt(1 - cosTheta * cosTheta);
            for (int j = 0; j < azimuths; j++)
            {
                double phi = 2 * Math.PI * (j + 0.5) / azimuths;
                total += w[i] * (hi - lo) / 2 * (2 * Math.PI / azimuths) *
                         f(sinTheta * Math.Cos(phi), sinTheta * Math.Sin(phi));
            }
        }

        return total;
    }

    private static void AssertClose(Complex expected, Complex actual) =>
        Assert.True(Complex.Abs(actual - expected) <= 1e-12 * Complex.Abs(expected) + 1e-300,
            $"expected {expected}, got {actual}");
}
