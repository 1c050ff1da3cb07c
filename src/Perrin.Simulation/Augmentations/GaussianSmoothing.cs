using System.Numerics;

namespace Perrin.Simulation.Augmentations;

/// <summary>
/// Separable Gaussian filtering of a float image with mirrored borders (… 2 1 0 | 0 1 2 …) and a kernel cut at 4σ,
/// normalized to sum 1. Both passes add whole rows (multiply then add, never fused), so the result does not
/// depend on the SIMD width.
/// </summary>
internal static class GaussianSmoothing
{
    public static void Filter(Span<float> image, int width, int height, double sigma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        var kernel = Kernel(sigma);
        var radius = kernel.Length / 2;
        var padded = new float[width + (2 * radius)];
        var sum = new float[width];
        for (var y = 0; y < height; y++)
        {
            var row = image.Slice(y * width, width);
            for (var j = 0; j < padded.Length; j++)
            {
                padded[j] = row[Mirror(j - radius, width)];
            }

            var acc = sum.AsSpan(0, width);
            acc.Clear();
            for (var k = 0; k < kernel.Length; k++)
            {
                MultiplyAdd(acc, padded.AsSpan(k, width), kernel[k]);
            }

            acc.CopyTo(row);
        }

        var copy = image[..(width * height)].ToArray();
        for (var y = 0; y < height; y++)
        {
            var acc = image.Slice(y * width, width);
            acc.Clear();
            for (var k = 0; k < kernel.Length; k++)
            {
                MultiplyAdd(acc, copy.AsSpan(Mirror(y + k - radius, height) * width, width), kernel[k]);
            }
        }
    }

    private static float[] Kernel(double sigma)
    {
        var radius = (int)Math.Ceiling(4 * sigma);
        var weights = new double[(2 * radius) + 1];
        double total = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var d = (i - radius) / sigma;
            weights[i] = Math.Exp(-0.5 * d * d);
            total += weights[i];
        }

        return [.. weights.Select(w => (float)(w / total))];
    }

    /// <summary>Index i reflected into [0, n) with the period 2n of a mirrored image.</summary>
    private static int Mirror(int i, int n)
    {
        var period = 2 * n;
        var m = ((i % period) + period) % period;
        return m < n ? m : period - 1 - m;
    }

    private static void MultiplyAdd(Span<float> acc, ReadOnlySpan<float> source, float weight)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && acc.Length >= Vector<float>.Count)
        {
            var w = new Vector<float>(weight);
            for (; i <= acc.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var product = w * new Vector<float>(source[i..]);
                (new Vector<float>(acc[i..]) + product).CopyTo(acc[i..]);
            }
        }

        for (; i < acc.Length; i++)
        {
            var product = weight * source[i];
            acc[i] += product;
        }
    }
}
