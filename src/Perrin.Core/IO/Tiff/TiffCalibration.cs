using System.Globalization;
using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// Pixel size and frame interval from the first IFD: XResolution (pixels per unit) with the unit from the ImageJ
/// description, or from ResolutionUnit centimetre for other writers. Inch resolutions are display DPI (72, 300)
/// far more often than a calibration, so they are not taken as a pixel size. ImageJ's finterval is in seconds.
/// </summary>
internal static class TiffCalibration
{
    private const ushort ResolutionCentimetre = 3;

    public static StackMetadata Read(TiffDirectory first, ImageJDescription? imageJ, string? description)
    {
        return new StackMetadata
        {
            PixelSizeNm = PixelSizeNm(first, imageJ),
            FrameIntervalS = imageJ?.FrameIntervalSeconds,
            Description = imageJ is null ? description : imageJ.Info,
        };
    }

    /// <summary>
    /// XResolution and YResolution for a pixel size, as pixels per micron. Decimal pixel sizes get an exact
    /// fraction (107.3 nm = 10000/1073 px/µm); others the nearest fraction with a power-of-ten denominator.
    /// </summary>
    public static (uint Numerator, uint Denominator) PixelsPerMicron(double pixelSizeNm)
    {
        for (var scale = 1_000_000L; scale >= 1; scale /= 10)
        {
            var scaled = pixelSizeNm * scale;
            var rounded = Math.Round(scaled);
            if (rounded >= 1 && rounded <= uint.MaxValue && 1000L * scale <= uint.MaxValue && Math.Abs(scaled - rounded) <= 1e-9 * scaled)
            {
                var numerator = 1000 * scale;
                var denominator = (long)rounded;
                var divisor = (long)System.Numerics.BigInteger.GreatestCommonDivisor(numerator, denominator);
                return ((uint)(numerator / divisor), (uint)(denominator / divisor));
            }
        }

        var pixelsPerMicron = 1000 / pixelSizeNm;
        for (var denominator = 1_000_000L; denominator >= 1; denominator /= 10)
        {
            var numerator = Math.Round(pixelsPerMicron * denominator);
            if (numerator >= 1 && numerator <= uint.MaxValue)
            {
                return ((uint)numerator, (uint)denominator);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(pixelSizeNm), pixelSizeNm, "a pixel size that TIFF resolution fields cannot express");
    }

    private static double? PixelSizeNm(TiffDirectory first, ImageJDescription? imageJ)
    {
        var pixelsPerUnit = first.Rational(TiffTag.XResolution);
        if (pixelsPerUnit is not { } ppu || !double.IsFinite(ppu) || ppu <= 0)
        {
            return null;
        }

        double? nmPerUnit = imageJ?.Unit is not null
            ? imageJ.NanometresPerUnit
            : first.Integer(TiffTag.ResolutionUnit, 2) == ResolutionCentimetre ? 1e7 : null;
        return nmPerUnit is { } n ? Significant(n / ppu) : null;
    }

    /// <summary>
    /// ImageJ and tifffile store pixels per unit as truncated fractions over 10^6, good to about 7 significant
    /// digits, so 65 nm comes back as 65.0000019 or 64.99999996; rounding to 7 digits returns the value that was meant.
    /// </summary>
    private static double Significant(double value) =>
        double.Parse(value.ToString("G7", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
