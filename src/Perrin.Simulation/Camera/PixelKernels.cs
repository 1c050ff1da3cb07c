using System.Numerics;

namespace Perrin.Simulation.Camera;

/// <summary>
/// Whole-image loops of the noise models, vectorised. Each lane does the scalar operation (widening is exact,
/// every product and quotient is rounded once), so the results do not depend on the vector width.
/// </summary>
internal static class PixelKernels
{
    /// <summary>Sets negative pixels to 0 and returns the largest, or the index of the first NaN or infinity.</summary>
    public static (float Max, int NonFinite) ClampNegativeAndMax(Span<float> image)
    {
        var i = 0;
        var max = float.NegativeInfinity;
        if (Vector.IsHardwareAccelerated && image.Length >= Vector<float>.Count)
        {
            var highest = new Vector<float>(float.NegativeInfinity);
            var finite = Vector<int>.AllBitsSet;
            for (; i <= image.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(image[i..]);

                // x − x is 0 for every finite x and NaN for NaN and ±∞.
                finite &= Vector.Equals(v - v, Vector<float>.Zero);
                v = Vector.ConditionalSelect(Vector.LessThan(v, Vector<float>.Zero), Vector<float>.Zero, v);
                v.CopyTo(image[i..]);
                highest = Vector.Max(highest, v);
            }

            if (finite != Vector<int>.AllBitsSet)
            {
                return (float.NaN, FirstNonFinite(image));
            }

            for (var lane = 0; lane < Vector<float>.Count; lane++)
            {
                max = Math.Max(max, highest[lane]);
            }
        }

        for (; i < image.Length; i++)
        {
            if (!float.IsFinite(image[i]))
            {
                return (float.NaN, i);
            }

            if (image[i] < 0)
            {
                image[i] = 0;
            }

            max = Math.Max(max, image[i]);
        }

        return (max, -1);
    }

    /// <summary>target[i] = source[i] · scale, in double precision.</summary>
    public static void Scale(ReadOnlySpan<float> source, double scale, Span<double> target)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<double>(scale);
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(source[i..]), out var low, out var high);
                (low * factor).CopyTo(target[i..]);
                (high * factor).CopyTo(target[(i + Vector<double>.Count)..]);
            }
        }

        for (; i < source.Length; i++)
        {
            target[i] = source[i] * scale;
        }
    }

    /// <summary>target[i] = (float)(source[i] · scale).</summary>
    public static void Scale(ReadOnlySpan<double> source, double scale, Span<float> target)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var factor = new Vector<double>(scale);
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var low = new Vector<double>(source[i..]) * factor;
                var high = new Vector<double>(source[(i + Vector<double>.Count)..]) * factor;
                Vector.Narrow(low, high).CopyTo(target[i..]);
            }
        }

        for (; i < source.Length; i++)
        {
            target[i] = (float)(source[i] * scale);
        }
    }

    private static int FirstNonFinite(ReadOnlySpan<float> image)
    {
        for (var i = 0; i < image.Length; i++)
        {
            if (!float.IsFinite(image[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
