namespace Perrin.Analysis.Localizers.Trackpy;

/// <summary>
/// trackpy's convert_to_int: a float processed image is scaled so that its maximum maps to the integer type's
/// maximum, negatives are clipped to 0 and the result truncated. The factor is returned so that masses can be
/// scaled back.
/// </summary>
internal static class GamutScaling
{
    public static double ScaleInPlace(Span<double> image, double integerMax)
    {
        var max = double.NegativeInfinity;
        foreach (var value in image)
        {
            max = Math.Max(max, value);
        }

        var factor = max == 0 || image.IsEmpty ? 1.0 : integerMax / max;
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = Math.Truncate(factor * Math.Max(image[i], 0.0));
        }

        return factor;
    }
}
