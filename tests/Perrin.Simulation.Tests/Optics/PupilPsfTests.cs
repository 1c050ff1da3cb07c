using System.Numerics;
using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Tests.Optics;

public sealed class PupilPsfTests
{
    internal static readonly OpticalSystem Default = new(1.4, 680, 1.518, 100);

    [Fact]
    public void InFocusItIsTheAiryPattern()
    {
        // Born & Wolf §8.5.2: first zero at 0.61 λ/NA, FWHM 0.51 λ/NA; each within 2%. Fine 20 nm pixels make
        // the radial profile dense enough to read both.
        var system = new OpticalSystem(1.2, 600, 1.33, 20);
        var psf = new PupilPsf(new PupilModel(system));
        const int side = 81, c = 40;
        var image = new float[side * side];
        psf.AddPoint(image, side, side, c, c, 0, 1);
        double[] profile = [.. Enumerable.Range(0, 40).Select(i => (double)image[(c * side) + c + i])];
        (double zero, double fwhm) = PsfMeasure.ZeroAndWidth(profile, 1.0);
        double unit = system.WavelengthNm / system.NumericalAperture / system.PixelSizeNm;
        Assert.InRange(zero / unit, 0.61 * 0.98, 0.61 * 1.02);
        Assert.InRange(fwhm / unit, 0.51 * 0.98, 0.51 * 1.02);
    }

    [Fact]
    public void APointInTheMiddleOfALargeFieldKeepsAllItsLight()
    {
        var psf = new PupilPsf(new PupilModel(Default));
        int side = psf.PeriodPixels + 20;
        var image = new float[side * side];
        psf.AddPoint(image, side, side, (side / 2) + 0.3, (side / 2) - 0.4, 0, 2000);
        Assert.Equal(2000, PsfMeasure.Sum(image), 2000 * 1e-4);
    }

    [Fact]
    public void NearTheEdgeOnlyTheLightOutsideIsLost()
    {
        var psf = new PupilPsf(new PupilModel(Default) { Aberrations = [new ZernikeTerm(7, 40)] });
        const int width = 200, height = 150;
        var clipped = new float[width * height];
        psf.AddPoint(clipped, width, height, -0.3, 70.6, 250, 1);

        // The same point 100 columns further right in a wider image: its columns ≥ 100 are the clipped image.
        var full = new float[(width + 100) * height];
        psf.AddPoint(full, width + 100, height, 99.7, 70.6, 250, 1);
        double inside = 0;
        for (int row = 0; row < height; row++)
        {
            for (int col = 100; col < width + 100; col++)
            {
                inside += full[(row * (width + 100)) + col];
            }
        }

        Assert.Equal(inside, PsfMeasure.Sum(clipped), 1e-6);
        Assert.InRange(inside, 0.3, 0.7);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, -0.5)]
    [InlineData(0.3125, 0.0625)]
    [InlineData(-0.17, 0.43)]
    [InlineData(0.0501, -0.2903)]
    public void TheCentroidIsThePosition(double dx, double dy)
    {
        // The 64-pixel image truncates the Airy tail; for this offset that biases the centroid by < 0.004 px.
        var psf = new PupilPsf(new PupilModel(Default));
        var image = new float[64 * 64];
        psf.AddPoint(image, 64, 64, 32 + dx, 31 + dy, 0, 1);
        (double cx, double cy) = PsfMeasure.Centroid(image, 64);
        Assert.Equal(32 + dx, cx, 0.01);
        Assert.Equal(31 + dy, cy, 0.01);
    }

    [Fact]
    public void DefocusBroadensThePsfEquallyAboveAndBelowFocus()
    {
        var psf = new PupilPsf(new PupilModel(Default) { Apodization = Apodization.Aplanatic });
        double Width(double z)
        {
            var image = new float[64 * 64];
            psf.AddPoint(image, 64, 64, 32, 32, z, 1);
            (double xx, double yy, _) = PsfMeasure.SecondMoments(image, 64, 32, 32, 15);
            Assert.Equal(xx, yy, 1e-3 * xx);
            return Math.Sqrt(xx + yy);
        }

        double w0 = Width(0), w300 = Width(300), w600 = Width(600);
        Assert.Equal(w300, Width(-300), 1e-4 * w300);
        Assert.Equal(w600, Width(-600), 1e-4 * w600);
        Assert.True(w300 > 1.1 * w0, $"{w300} vs {w0}");
        Assert.True(w600 > 1.2 * w300, $"{w600} vs {w300}");
    }

    [Fact]
    public void AstigmatismElongatesAlongXOnOneSideOfFocusAndAlongYOnTheOther()
    {
        var psf = new PupilPsf(PupilModel.Astigmatic(Default, 70));
        double Ellipticity(double z)
        {
            var image = new float[64 * 64];
            psf.AddPoint(image, 64, 64, 32, 32, z, 1);
            (double xx, double yy, _) = PsfMeasure.SecondMoments(image, 64, 32, 32, 15);
            return xx / yy;
        }

        Assert.Equal(1.0, Ellipticity(0), 1e-3);
        double above = Ellipticity(400), below = Ellipticity(-400);
        Assert.True(above < 1 / 1.3, $"z = +400 nm: σx²/σy² = {above}");
        Assert.True(below > 1.3, $"z = −400 nm: σx²/σy² = {below}");
        Assert.Equal(1 / above, below, 0.02 * below);
    }

    [Fact]
    public void TheSpiralZoneMaskTurnsTwoLobesMonotonicallyWithDepth()
    {
        var psf = new PupilPsf(new PupilModel(Default) { Mask = new SpiralZoneMask(zones: 6, chargeStep: 2) });
        var angles = new List<double>();
        for (double z = -1000; z <= 1000; z += 250)
        {
            var image = new float[64 * 64];
            psf.AddPoint(image, 64, 64, 32, 32, z, 1);
            (double xx, double yy, double xy) = PsfMeasure.SecondMoments(image, 64, 32, 32, 12);
            Assert.True(Math.Abs(xx - yy) + Math.Abs(2 * xy) > 0.2 * (xx + yy), $"no clear lobe axis at z = {z}");
            double angle = 0.5 * Math.Atan2(2 * xy, xx - yy);
            if (angles.Count > 0)
            {
                // The lobe axis is defined modulo π: take the branch nearest the previous depth's.
                angle += Math.PI * Math.Round((angles[^1] - angle) / Math.PI);
            }

            angles.Add(angle);
        }

        double sign = Math.Sign(angles[^1] - angles[0]);
        for (int i = 1; i < angles.Count; i++)
        {
            Assert.True(sign * (angles[i] - angles[i - 1]) > 0.02, $"angles: {string.Join(", ", angles.Select(a => (a * 180 / Math.PI).ToString("F1")))}");
        }

        Assert.True(Math.Abs(angles[^1] - angles[0]) > Math.PI / 6);
    }

    [Fact]
    public void TheFieldCarriesThePowerAndIsRealAndPositiveAtFocus()
    {
        var psf = new PupilPsf(new PupilModel(Default));
        int side = psf.PeriodPixels;
        var field = new Complex[side * side];
        var image = new float[side * side];
        int c = side / 2;
        psf.AddPointField(field, side, side, c, c, 0, Complex.One);
        psf.AddPoint(image, side, side, c, c, 0, 1);
        // Averaging over a pixel multiplies each plane wave by sinc(fx·p)·sinc(fy·p), so the power kept is the
        // mean of sinc² products over the pupil disc |f| ≤ NA/λ (midpoint rule on a fine grid).
        double power = field.Sum(f => f.Magnitude * f.Magnitude);
        double cutoff = Default.CutoffFrequencyPerNm * Default.PixelSizeNm;
        double kept = 0;
        int count = 0;
        for (int i = -400; i < 400; i++)
        {
            for (int j = -400; j < 400; j++)
            {
                double u = (i + 0.5) / 400 * cutoff, v = (j + 0.5) / 400 * cutoff;
                if ((u * u) + (v * v) <= cutoff * cutoff)
                {
                    kept += Math.Pow(Sinc(u) * Sinc(v), 2);
                    count++;
                }
            }
        }

        Assert.Equal(kept / count, power, 2e-3);
        Complex centre = field[(c * side) + c];
        Assert.True(centre.Real > 0 && Math.Abs(centre.Imaginary) < 1e-9, $"{centre}");

        // |pixel-averaged field|² ≤ pixel-averaged intensity (Cauchy–Schwarz), with equality where the field is flat.
        double ratio = centre.Real * centre.Real / image[(c * side) + c];
        Assert.InRange(ratio, 0.9, 1.0);
    }

    [Fact]
    public void TheFieldPhaseAdvancesWithDepthAndAmplitudeScales()
    {
        // On axis, moving the point by z adds the propagation phase ≈ 2π·n·z·⟨cos θ⟩/λ.
        var psf = new PupilPsf(new PupilModel(Default));
        var f0 = new Complex[64 * 64];
        var f1 = new Complex[64 * 64];
        psf.AddPointField(f0, 64, 64, 32, 32, 0, new Complex(0, 3));
        psf.AddPointField(f1, 64, 64, 32, 32, 20, new Complex(0, 3));
        Assert.Equal(Math.PI / 2, f0[(32 * 64) + 32].Phase, 1e-9);
        double advance = f1[(32 * 64) + 32].Phase - f0[(32 * 64) + 32].Phase;
        // ⟨cos θ⟩ over a uniformly filled pupil with s = NA/n is 2(1 − (1 − s²)^{3/2})/(3s²).
        double s2 = Math.Pow(Default.NumericalAperture / Default.MediumIndex, 2);
        double meanCos = 2 * (1 - Math.Pow(1 - s2, 1.5)) / (3 * s2);
        double expected = 2 * Math.PI * Default.MediumIndex * 20 * meanCos / Default.WavelengthNm;
        Assert.Equal(expected, advance, 0.02 * expected);
    }

    [Fact]
    public void ModelsWithTheSameContentAreEqual()
    {
        var a = new PupilModel(Default) { Aberrations = [new ZernikeTerm(5, 30)], Mask = new SpiralZoneMask(5) };
        var b = new PupilModel(Default) { Aberrations = [new ZernikeTerm(5, 30)], Mask = new SpiralZoneMask(5) };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Apodization = Apodization.Aplanatic });
        Assert.NotEqual(a, b with { Aberrations = [new ZernikeTerm(5, 31)] });
        Assert.Equal(new PupilPsf(a), new PupilPsf(b));
    }

    private static double Sinc(double u) => u == 0 ? 1 : Math.Sin(Math.PI * u) / (Math.PI * u);

    [Fact]
    public void PixelsTooCoarseForThePupilModelAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new PupilPsf(new PupilModel(new OpticalSystem(1.4, 500, 1.5, 1000))));
        Assert.Contains("GaussianPsf", error.Message, StringComparison.Ordinal);
    }
}
