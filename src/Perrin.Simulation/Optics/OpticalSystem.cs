namespace Perrin.Simulation.Optics;

/// <summary>
/// The imaging optics as the point spread function sees them. Wavelengths are in vacuum; the medium index is
/// that of the immersion and sample (matched, no interface); the pixel size is that of the camera pixel
/// projected into the sample plane (camera pixel / magnification).
/// </summary>
public sealed record OpticalSystem
{
    public OpticalSystem(double numericalAperture, double wavelengthNm, double mediumIndex, double pixelSizeNm)
    {
        RequireFinitePositive(wavelengthNm, nameof(wavelengthNm), "The wavelength (nm, in vacuum)");
        RequireFinitePositive(mediumIndex, nameof(mediumIndex), "The medium refractive index");
        RequireFinitePositive(pixelSizeNm, nameof(pixelSizeNm), "The pixel size in the sample plane (nm)");
        RequireFinitePositive(numericalAperture, nameof(numericalAperture), "The numerical aperture");
        if (mediumIndex < 1.0)
        {
            throw new ArgumentException($"The medium refractive index must be at least 1, got {mediumIndex}.", nameof(mediumIndex));
        }

        if (numericalAperture > mediumIndex)
        {
            throw new ArgumentException(
                $"The numerical aperture ({numericalAperture}) cannot exceed the medium refractive index ({mediumIndex}).",
                nameof(numericalAperture));
        }

        NumericalAperture = numericalAperture;
        WavelengthNm = wavelengthNm;
        MediumIndex = mediumIndex;
        PixelSizeNm = pixelSizeNm;
    }

    public double NumericalAperture { get; }

    /// <summary>Emission (fluorescence) or illumination (scattering) wavelength in vacuum, nm.</summary>
    public double WavelengthNm { get; }

    public double MediumIndex { get; }

    /// <summary>Pixel pitch in the sample plane, nm.</summary>
    public double PixelSizeNm { get; }

    /// <summary>Radius of the pupil in spatial frequency, NA/λ, in cycles per nm.</summary>
    public double CutoffFrequencyPerNm => NumericalAperture / WavelengthNm;

    /// <summary>σ of the Gaussian that best matches the in-focus Airy pattern, 0.21 λ/NA, in pixels.</summary>
    public double GaussianSigmaPixels => 0.21 * WavelengthNm / NumericalAperture / PixelSizeNm;

    /// <summary>Builds the system from the camera pixel pitch (µm) and the total magnification.</summary>
    public static OpticalSystem FromCamera(
        double numericalAperture, double wavelengthNm, double mediumIndex, double cameraPixelUm, double magnification)
    {
        RequireFinitePositive(cameraPixelUm, nameof(cameraPixelUm), "The camera pixel size (µm)");
        RequireFinitePositive(magnification, nameof(magnification), "The magnification");
        return new OpticalSystem(numericalAperture, wavelengthNm, mediumIndex, cameraPixelUm * 1000.0 / magnification);
    }

    private static void RequireFinitePositive(double value, string parameter, string what)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentException($"{what} must be a finite number greater than 0, got {value}.", parameter);
        }
    }
}
