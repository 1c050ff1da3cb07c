using System.Buffers;
using System.Numerics;

namespace Perrin.Simulation.Scatterers.Mie;

/// <summary>
/// The light a sphere at the origin scatters into an objective, for a unit-amplitude plane wave e·e^{ikz} along +z
/// (k = 2π n_medium/λ). Three forms:
/// <list type="bullet">
/// <item>the vector far-field amplitude F(u) (nm) at direction cosines u = (ux, uy, uz), E_s → F e^{ikr}/r, from
/// Bohren &amp; Huffman eq. 4.74: F = (i/k)[(e·ρ̂) S2(θ) θ̂ + (e·φ̂) S1(θ) φ̂] with ρ̂ = (cos φ, sin φ, 0), so that
/// ∫|F|² dΩ over the sphere = C_sca, and F(θ = 0) = (i/k) S(0) e, so the optical theorem reads
/// C_ext = (4π/k) Im(e*·F(0)) = (4π/k²) Re S(0);</item>
/// <item>its scalar projection e*·F onto the illumination polarization, the part that interferes with a reference
/// wave of that polarization (the cross-polarized rest is dropped);</item>
/// <item>the angular spectrum Ã(fx, fy) = i λ_m (e*·F)/|uz| (nm²) at spatial frequency f = n_medium u/λ (cycles/nm),
/// such that the scattered field in the plane through the sphere is ∫ Ã e^{2πi(fx x + fy y)} dfx dfy, and in a
/// plane at distance z further along the collected direction gains e^{2πi z √((n_medium/λ)² − f²)}; then
/// ∫ |Ã|² |uz| df = ∫ |e*·F|² dΩ.</item>
/// </list>
/// Only propagating waves within the numerical aperture (|f| ≤ NA/λ) are kept.
/// </summary>
public sealed class MiePupilField
{
    private readonly double _k;
    private readonly Complex _ex;
    private readonly Complex _ey;
    private readonly double _uzSign;

    public MiePupilField(
        MieSphere sphere,
        double numericalAperture,
        IlluminationPolarization polarization = IlluminationPolarization.LinearX,
        ScatteringHemisphere hemisphere = ScatteringHemisphere.Forward)
    {
        ArgumentNullException.ThrowIfNull(sphere);
        if (!(numericalAperture > 0 && numericalAperture <= sphere.MediumIndex))
        {
            throw new ArgumentOutOfRangeException(nameof(numericalAperture), numericalAperture,
                $"The numerical aperture must lie in (0, n_medium = {sphere.MediumIndex}].");
        }

        Sphere = sphere;
        NumericalAperture = numericalAperture;
        Polarization = polarization;
        Hemisphere = hemisphere;
        _k = sphere.WavenumberPerNm;
        (_ex, _ey) = polarization switch
        {
            IlluminationPolarization.LinearX => (Complex.One, Complex.Zero),
            IlluminationPolarization.LinearY => (Complex.Zero, Complex.One),
            IlluminationPolarization.Circular => (new Complex(Math.Sqrt(0.5), 0), new Complex(0, Math.Sqrt(0.5))),
            _ => throw new ArgumentOutOfRangeException(nameof(polarization), polarization, "Unknown polarization."),
        };
        _uzSign = hemisphere == ScatteringHemisphere.Forward ? 1 : -1;
    }

    public MieSphere Sphere { get; }

    public double NumericalAperture { get; }

    public IlluminationPolarization Polarization { get; }

    public ScatteringHemisphere Hemisphere { get; }

    /// <summary>NA/λ, the largest spatial frequency collected, in cycles/nm.</summary>
    public double CutoffFrequencyPerNm => NumericalAperture / Sphere.WavelengthNm;

    /// <summary>
    /// Vector far-field amplitude (nm) towards direction cosines (ux, uy) in this field's hemisphere,
    /// ux² + uy² ≤ 1; not limited by the aperture.
    /// </summary>
    public FarFieldVector FarField(double ux, double uy)
    {
        double uz = DirectionZ(ux, uy);
        Sphere.Solution.Sum(Math.Clamp(uz, -1, 1), out var s1, out var s2);
        return Vector(ux, uy, uz, s1, s2);
    }

    /// <summary>e*·F (nm), the far-field amplitude projected onto the illumination polarization.</summary>
    public Complex ScalarFarField(double ux, double uy)
    {
        var f = FarField(ux, uy);
        return Complex.Conjugate(_ex) * f.X + Complex.Conjugate(_ey) * f.Y;
    }

    /// <summary>Ã(fx, fy) in nm² at spatial frequency (cycles/nm); zero beyond NA/λ.</summary>
    public Complex AngularSpectrum(double fxPerNm, double fyPerNm)
    {
        double scale = Sphere.WavelengthNm / Sphere.MediumIndex;
        double ux = fxPerNm * scale;
        double uy = fyPerNm * scale;
        double f2 = fxPerNm * fxPerNm + fyPerNm * fyPerNm;
        double cutoff = CutoffFrequencyPerNm;
        if (!(f2 <= cutoff * cutoff))
        {
            return Complex.Zero;
        }

        double uz = Math.Sqrt(Math.Max(0, 1 - ux * ux - uy * uy));
        if (uz == 0)
        {
            return Complex.Zero;
        }

        return new Complex(0, scale / uz) * ScalarFarField(ux, uy);
    }

    /// <summary>
    /// Fills a width × height pupil, row-major, in FFT order (index j holds frequency j/(width·pixel) for
    /// j &lt; ⌈width/2⌉, else (j − width)/(width·pixel); rows likewise), with Ã(f)·Δfx·Δfy. An un-normalized inverse
    /// DFT of it, Σ P e^{+2πi(fx x + fy y)}, gives the scattered field at the pixel centres x = col·pixel,
    /// y = row·pixel of the plane through the sphere (periodically wrapped), relative to the incident amplitude.
    /// </summary>
    public void FillPupil(Span<Complex> pupil, int width, int height, double pixelSizeNm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (!(pixelSizeNm > 0 && double.IsFinite(pixelSizeNm)))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelSizeNm), pixelSizeNm, "Must be positive and finite.");
        }

        if (pupil.Length < (long)width * height)
        {
            throw new ArgumentException($"The pupil must hold {width}×{height} samples.", nameof(pupil));
        }

        double dfx = 1 / (width * pixelSizeNm);
        double dfy = 1 / (height * pixelSizeNm);
        int quadrantWidth = width / 2 + 1;
        int quadrantHeight = height / 2 + 1;
        // S1, S2 depend on |f| only, and FFT order holds ±f on both axes, so the series is summed once per
        // frequency of the first quadrant and shared by the mirror images.
        var table = ArrayPool<Complex>.Shared.Rent(2 * quadrantWidth * quadrantHeight);
        try
        {
            FillQuadrant(table, quadrantWidth, quadrantHeight, dfx, dfy);
            double scale = Sphere.WavelengthNm / Sphere.MediumIndex;
            double cutoff2 = CutoffFrequencyPerNm * CutoffFrequencyPerNm;
            var weight = new Complex(0, scale * dfx * dfy);
            for (int row = 0; row < height; row++)
            {
                int ky = row < (height + 1) / 2 ? row : row - height;
                double fy = ky * dfy;
                var line = pupil.Slice(row * width, width);
                for (int col = 0; col < width; col++)
                {
                    int kx = col < (width + 1) / 2 ? col : col - width;
                    double fx = kx * dfx;
                    double ux = fx * scale, uy = fy * scale;
                    double uz = Math.Sqrt(Math.Max(0, 1 - ux * ux - uy * uy));
                    if (!(fx * fx + fy * fy <= cutoff2) || uz == 0)
                    {
                        line[col] = Complex.Zero;
                        continue;
                    }

                    int entry = 2 * (Math.Abs(ky) * quadrantWidth + Math.Abs(kx));
                    var f = Vector(ux, uy, _uzSign * uz, table[entry], table[entry + 1]);
                    line[col] = weight / uz * (Complex.Conjugate(_ex) * f.X + Complex.Conjugate(_ey) * f.Y);
                }
            }
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(table);
        }
    }

    /// <summary>S1 at table[2j], S2 at table[2j + 1] for quadrant entry j = ky·width + kx inside the aperture.</summary>
    private void FillQuadrant(Complex[] table, int quadrantWidth, int quadrantHeight, double dfx, double dfy)
    {
        double scale = Sphere.WavelengthNm / Sphere.MediumIndex;
        double cutoff2 = CutoffFrequencyPerNm * CutoffFrequencyPerNm;
        int entries = quadrantWidth * quadrantHeight;
        var mu = ArrayPool<double>.Shared.Rent(entries);
        var s1 = ArrayPool<Complex>.Shared.Rent(entries);
        var s2 = ArrayPool<Complex>.Shared.Rent(entries);
        try
        {
            for (int ky = 0; ky < quadrantHeight; ky++)
            {
                for (int kx = 0; kx < quadrantWidth; kx++)
                {
                    double f2 = kx * dfx * (kx * dfx) + ky * dfy * (ky * dfy);
                    double u2 = f2 <= cutoff2 ? f2 * scale * scale : 0;
                    mu[ky * quadrantWidth + kx] = Math.Clamp(_uzSign * Math.Sqrt(Math.Max(0, 1 - u2)), -1, 1);
                }
            }

            Sphere.Solution.SumMany(mu.AsSpan(0, entries), s1, s2);
            for (int j = 0; j < entries; j++)
            {
                table[2 * j] = s1[j];
                table[2 * j + 1] = s2[j];
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(mu);
            ArrayPool<Complex>.Shared.Return(s1);
            ArrayPool<Complex>.Shared.Return(s2);
        }
    }

    private double DirectionZ(double ux, double uy)
    {
        double rho2 = ux * ux + uy * uy;
        if (!(rho2 <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ux), "Direction cosines need ux² + uy² ≤ 1.");
        }

        return _uzSign * Math.Sqrt(1 - rho2);
    }

    /// <summary>F = (i/k)[(e·ρ̂) S2 θ̂ + (e·φ̂) S1 φ̂] towards the unit vector (ux, uy, uz).</summary>
    private FarFieldVector Vector(double ux, double uy, double uz, Complex s1, Complex s2)
    {
        double sinTheta = Math.Sqrt(ux * ux + uy * uy);
        // On the axis the azimuth is undefined; there S2 = ±S1 and F = (i/k) S1 e for any φ, so take φ = 0.
        (double cosPhi, double sinPhi) = sinTheta > 0 ? (ux / sinTheta, uy / sinTheta) : (1.0, 0.0);
        var along = (_ex * cosPhi + _ey * sinPhi) * s2 * new Complex(0, 1 / _k);
        var across = (_ey * cosPhi - _ex * sinPhi) * s1 * new Complex(0, 1 / _k);
        return new FarFieldVector(
            along * (uz * cosPhi) - across * sinPhi,
            along * (uz * sinPhi) + across * cosPhi,
            -along * sinTheta);
    }
}
