using System.Numerics.Tensors;

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
        if (image.IsEmpty)
        {
            return 1.0;
        }

        var max = TensorPrimitives.Max(image);
        var factor = max == 0 ? 1.0 : integerMax / max;
        TensorPrimitives.Max(image, 0.0, image);
        TensorPrimitives.Multiply(image, factor, image);
        TensorPrimitives.Truncate(image, image);
        return factor;
    }
}
