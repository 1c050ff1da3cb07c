using Perrin.Core.Imaging;

namespace Perrin.Analysis.Detection;

/// <summary>Checks shared by the decoders, so every one reports bad maps and parameters the same way.</summary>
internal static class MapValidation
{
    /// <summary>
    /// A NaN or infinite value in a network output is a failed network, not a dim pixel: it is reported rather than
    /// silently dropped by the threshold comparisons.
    /// </summary>
    public static void RequireFinite(ImageFrame map, string name)
    {
        var pixels = map.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            if (!float.IsFinite(pixels[i]))
            {
                throw new ArgumentException($"{name} has the non-finite value {pixels[i]} at pixel ({i % map.Width}, {i / map.Width}); network outputs must be finite numbers", name);
            }
        }
    }

    public static void RequirePositiveThreshold(float threshold, string name)
    {
        if (!float.IsFinite(threshold) || threshold <= 0)
        {
            throw new ArgumentOutOfRangeException(name, threshold, "the threshold must be a positive number, so that the values above it can serve as centroid weights");
        }
    }

    public static void RequireSameSize(ImageFrame reference, ImageFrame other, string name)
    {
        if (other.Height != reference.Height || other.Width != reference.Width)
        {
            throw new ArgumentException($"{name} is {other.Width}×{other.Height} pixels but the probability map is {reference.Width}×{reference.Height}", name);
        }
    }
}
