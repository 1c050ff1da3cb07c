using System.Numerics;
using Perrin.Simulation.Coherent;
using Perrin.Simulation.Scatterers.Mie;

namespace Perrin.Simulation.Tests.Coherent;

public class WindowSynthesisTests
{
    [Theory]
    [InlineData(96, 16, 0.8, 100)]
    [InlineData(90, 13, 1.2, 100)]
    [InlineData(64, 0, 1.33, 250)]
    public void DenseProductsMatchThePrunedFfts(int size, int pad, double na, double pixel)
    {
        // Both evaluate the same band-limited inverse DFT on the window; single precision leaves ~1e-6 relative.
        // NA 1.33 with 250 nm pixels reaches the Nyquist bin (λ/2NA = 238 nm), so the pupil table wraps the grid.
        var grid = new AngularSpectrum(size, size, pixel, 633, 1.33, na);
        var spectrum = CoherentImages.MieSpectrum(grid, CoherentImages.Mie(grid, 400, 1.5), size / 2.0 + 0.3, size / 2.0 - 0.7, 1500);
        spectrum[0] += Complex.One;
        int w = size - (2 * pad) - 5, h = size - (2 * pad) - 3;
        var expected = Reference(grid, spectrum, pad, pad + 1, w, h, 2, 0.5);
        var pupil = new PupilSpectrum(grid.Pupil);
        pupil.Add(spectrum);
        var window = new WindowSynthesis(grid, pad, pad + 1, w, h);
        var (re, im) = (new float[window.FieldLength], new float[window.FieldLength]);
        window.AddField(pupil, re, im);
        var intensity = new float[w * h];
        window.Intensity(re, im, 0, intensity, 2, 0.5f);
        Assert.Equal(size == 64, !grid.Pupil.IsMirrorSymmetric);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], intensity[i], 1e-4);
        }
    }

    [Theory]
    [InlineData(IlluminationPolarization.Circular, 61.3, 77.8, 4871.2, false, 128)]
    [InlineData(IlluminationPolarization.LinearX, 20.0, 139.55, -4999.9, false, 127)]
    [InlineData(IlluminationPolarization.LinearY, 100.5, 33.25, 123.4, true, 128)]
    public void MirroredSpheresMatchTheWholeGridSynthesis(IlluminationPolarization polarization, double x, double y, double z, bool darkfield, int height)
    {
        // sim-c's optics (192² grid, 128² window, 100 nm pixels, NA 0.8; one window of odd height), a 500 nm sphere of
        // index 1.58 and a second one elsewhere, off-grid in x, y and z, against the double-precision FFT path:
        // float rounding only.
        var grid = CoherentImages.Grid(192, 0.8);
        var mie = new MieSpectrum(new MiePupilField(new MieSphere(500, new Complex(1.58, 0), CoherentImages.Medium, CoherentImages.Wavelength), 0.8, polarization), grid);
        Assert.True(mie.IsMirrorSymmetric);
        var spectrum = new Complex[192 * 192];
        mie.Add(spectrum, x * CoherentImages.Pixel, y * CoherentImages.Pixel, z);
        mie.Add(spectrum, y * CoherentImages.Pixel, x * CoherentImages.Pixel, -z / 3);
        spectrum[0] += darkfield ? 0 : 1;
        var expected = Reference(grid, spectrum, 32, 32, 128, height, 3, 0.25);
        var window = new WindowSynthesis(grid, 32, 32, 128, height);
        Assert.True(window.IsMirrorCheaper(2));
        var (re, im) = (new float[window.FieldLength], new float[window.FieldLength]);
        var quarter = (re: new float[grid.Pupil.QuarterRows * grid.Pupil.QuarterColumns], im: new float[grid.Pupil.QuarterRows * grid.Pupil.QuarterColumns]);
        mie.Centred(z, quarter.re, quarter.im);
        window.AddMirrorSymmetric(quarter.re, quarter.im, x, y, re, im);
        mie.Centred(-z / 3, quarter.re, quarter.im);
        window.AddMirrorSymmetric(quarter.re, quarter.im, y, x, re, im);
        var intensity = new float[128 * height];
        window.Intensity(re, im, darkfield ? 0 : 1, intensity, 3, 0.25f);
        double largest = expected.Max();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.InRange(intensity[i] - expected[i], -1e-4 * largest, 1e-4 * largest);
        }
    }

    [Fact]
    public void ThePupilTableRoundTripsTheBinsInsideTheNa()
    {
        var grid = new AngularSpectrum(50, 40, 100, 633, 1.33, 0.9);
        var spectrum = CoherentImages.MieSpectrum(grid, CoherentImages.Mie(grid, 300, 1.45), 20.2, 17.9, -800);
        var pupil = new PupilSpectrum(grid.Pupil);
        pupil.Add(spectrum);
        pupil.AddPlaneWave();
        var back = new Complex[spectrum.Length];
        pupil.CopyTo(back);
        spectrum[0] += Complex.One;
        for (int i = 0; i < spectrum.Length; i++)
        {
            Assert.Equal(spectrum[i].Real, back[i].Real, 1e-6);
            Assert.Equal(spectrum[i].Imaginary, back[i].Imaginary, 1e-6);
        }
    }

    /// <summary>scale·|field|² + offset on the window, by the double-precision pruned FFTs.</summary>
    private static double[] Reference(AngularSpectrum grid, Complex[] spectrum, int left, int top, int w, int h, double scale, double offset)
    {
        var field = new Complex[w * h];
        BandLimitedSynthesis.Inverse(grid, spectrum, left, top, w, h, field, new Complex[grid.Width + grid.Height], new Complex[BandLimitedSynthesis.BandRows(grid) * w]);
        return [.. field.Select(e => (scale * ((e.Real * e.Real) + (e.Imaginary * e.Imaginary))) + offset)];
    }
}
