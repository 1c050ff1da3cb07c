using Perrin.Simulation.Optics;

namespace Perrin.Simulation.Tests.Optics;

public sealed class OpticalSystemTests
{
    [Fact]
    public void FromCameraDividesThePixelByTheMagnification()
    {
        var system = OpticalSystem.FromCamera(1.4, 680, 1.518, cameraPixelUm: 16, magnification: 160);
        Assert.Equal(100.0, system.PixelSizeNm, 12);
        Assert.Equal(1.4 / 680, system.CutoffFrequencyPerNm, 15);
        Assert.Equal(0.21 * 680 / 1.4 / 100, system.GaussianSigmaPixels, 12);
    }

    [Theory]
    [InlineData(0.0, 600, 1.5, 100, "numerical aperture")]
    [InlineData(1.6, 600, 1.5, 100, "cannot exceed the medium refractive index")]
    [InlineData(1.2, 0, 1.5, 100, "wavelength")]
    [InlineData(1.2, double.NaN, 1.5, 100, "wavelength")]
    [InlineData(0.5, 600, 0.9, 100, "at least 1")]
    [InlineData(1.2, 600, 1.5, -1, "pixel size")]
    public void InvalidParametersAreRejectedWithAMessageNamingThem(double na, double wavelength, double n, double pixel, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new OpticalSystem(na, wavelength, n, pixel));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualSystemsAreEqualValues() =>
        Assert.Equal(new OpticalSystem(1.2, 600, 1.33, 100), new OpticalSystem(1.2, 600, 1.33, 100));
}
