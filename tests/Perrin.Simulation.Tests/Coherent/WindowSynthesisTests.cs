using System.Numerics;
using Perrin.Simulation.Coherent;

namespace Perrin.Simulation.Tests.Coherent;

public class WindowSynthesisTests
{
    [Theory]
    [InlineData(96, 16, 0.8)]
    [InlineData(90, 13, 1.2)]
    [InlineData(64, 0, 1.33)]
    public void DenseProductsMatchThePrunedFfts(int size, int pad, double na)
    {
        // Both evaluate the same band-limited inverse DFT on the window; single precision leaves ~1e-6 relative.
        // NA 1.33 on a 64-point grid reaches the Nyquist bin, so the pupil table wraps the whole grid.
        var grid = new AngularSpectrum(size, size, 100, 633, 1.33, na);
        var spectrum = CoherentImages.MieSpectrum(grid, CoherentImages.Mie(grid, 400, 1.5), size / 2.0 + 0.3, size / 2.0 - 0.7, 1500);
        spectrum[0] += Complex.One;
        int w = size - (2 * pad) - 5, h = size - (2 * pad) - 3;
        var field = new Complex[w * h];
        BandLimitedSynthesis.Inverse(grid, spectrum, pad, pad + 1, w, h, field, new Complex[2 * size], new Complex[BandLimitedSynthesis.BandRows(grid) * w]);
        var pupil = new PupilSpectrum(grid.Pupil);
        pupil.Add(spectrum);
        var intensity = new float[w * h];
        new WindowSynthesis(grid, pad, pad + 1, w, h).Intensity(pupil, intensity, 2, 0.5f);
        for (int i = 0; i < field.Length; i++)
        {
            double expected = (2 * ((field[i].Real * field[i].Real) + (field[i].Imaginary * field[i].Imaginary))) + 0.5;
            Assert.Equal(expected, intensity[i], 1e-4);
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
}
