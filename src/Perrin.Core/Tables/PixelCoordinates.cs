namespace Perrin.Core.Tables;

/// <summary>
/// Converts between trackpy pixel coordinates, whose origin is the centre of the first pixel, and Perrin's
/// nanometres from the top-left corner of the first pixel. Both directions are exact whenever the true result is
/// representable (for instance positions on a grid of binary fractions of a pixel); otherwise a round trip
/// pixel→nm→pixel stays within 4 ulp of |x| + 0.5.
/// </summary>
public static class PixelCoordinates
{
    public static double ToNanometres(double pixels, double pixelSizeNm) => (pixels + 0.5) * pixelSizeNm;

    public static double ToPixels(double nanometres, double pixelSizeNm) => (nanometres / pixelSizeNm) - 0.5;

    /// <summary>Throws unless <paramref name="pixelSizeNm"/> is a usable pixel size.</summary>
    public static void Validate(double pixelSizeNm, string parameterName)
    {
        if (!double.IsFinite(pixelSizeNm) || pixelSizeNm <= 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, pixelSizeNm, "the pixel size must be a positive number of nanometres");
        }
    }
}
