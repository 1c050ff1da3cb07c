using System.Numerics;
using Perrin.Simulation.Coherent;
using Perrin.Simulation.Scatterers.Mie;

namespace Perrin.Simulation.Tests.Coherent;

/// <summary>Images of a whole grid (no window) from a spectrum, through the same synthesis the simulator uses.</summary>
internal static class CoherentImages
{
    public const double Wavelength = 633;
    public const double Medium = 1.33;
    public const double Pixel = 100;

    public static AngularSpectrum Grid(int size, double na) => new(size, size, Pixel, Wavelength, Medium, na);

    public static MieSpectrum Mie(AngularSpectrum grid, double radiusNm, double index) =>
        new(new MiePupilField(new MieSphere(radiusNm, new Complex(index, 0), Medium, Wavelength), grid.NumericalAperture, IlluminationPolarization.Circular), grid);

    /// <summary>|δ + S|² (brightfield) or |S|² (darkfield) over the whole grid.</summary>
    public static double[] Intensity(AngularSpectrum grid, Complex[] spectrum, bool darkfield)
    {
        var s = (Complex[])spectrum.Clone();
        if (!darkfield)
        {
            s[0] += Complex.One;
        }

        int n = grid.Width;
        var field = new Complex[n * n];
        BandLimitedSynthesis.Inverse(grid, s, 0, 0, n, n, field, new Complex[2 * n], new Complex[BandLimitedSynthesis.BandRows(grid) * n]);
        return field.Select(e => (e.Real * e.Real) + (e.Imaginary * e.Imaginary)).ToArray();
    }

    public static Complex[] MieSpectrum(AngularSpectrum grid, MieSpectrum mie, double x, double y, double z)
    {
        var spectrum = new Complex[grid.Width * grid.Height];
        mie.Add(spectrum, x * Pixel, y * Pixel, z);
        return spectrum;
    }

    /// <summary>Root mean square of values over a centred square of the given half-width.</summary>
    public static double Rms(double[] values, int size, double centre, int half, Func<double, double> map)
    {
        double sum = 0;
        int count = 0;
        int c = (int)Math.Round(centre);
        for (int row = c - half; row <= c + half; row++)
        {
            for (int col = c - half; col <= c + half; col++)
            {
                double v = map(values[(row * size) + col]);
                sum += v * v;
                count++;
            }
        }

        return Math.Sqrt(sum / count);
    }
}
