namespace Perrin.Simulation.Tests.Optics;

/// <summary>Moments of rendered images, in pixel coordinates with (0, 0) at the first pixel's centre.</summary>
internal static class PsfMeasure
{
    public static double Sum(ReadOnlySpan<float> image)
    {
        double sum = 0;
        foreach (float v in image)
        {
            sum += v;
        }

        return sum;
    }

    public static (double X, double Y) Centroid(ReadOnlySpan<float> image, int width)
    {
        double sum = 0, sx = 0, sy = 0;
        for (int i = 0; i < image.Length; i++)
        {
            sum += image[i];
            sx += image[i] * (i % width);
            sy += image[i] * (i / width);
        }

        return (sx / sum, sy / sum);
    }

    /// <summary>Central second moments about (cx, cy), within a radius (to keep far tails out of the estimate).</summary>
    public static (double Xx, double Yy, double Xy) SecondMoments(ReadOnlySpan<float> image, int width, double cx, double cy, double radius)
    {
        double sum = 0, xx = 0, yy = 0, xy = 0;
        for (int i = 0; i < image.Length; i++)
        {
            double dx = (i % width) - cx;
            double dy = (i / width) - cy;
            if ((dx * dx) + (dy * dy) > radius * radius)
            {
                continue;
            }

            sum += image[i];
            xx += image[i] * dx * dx;
            yy += image[i] * dy * dy;
            xy += image[i] * dx * dy;
        }

        return (xx / sum, yy / sum, xy / sum);
    }

    /// <summary>
    /// First zero and full width at half maximum of a radial profile sampled every <paramref name="step"/>:
    /// the zero from a parabola through the smallest sample and its neighbours, the half maximum by linear
    /// interpolation.
    /// </summary>
    public static (double FirstZero, double Fwhm) ZeroAndWidth(double[] profile, double step)
    {
        double peak = profile[0];
        int half = 1;
        while (profile[half] > peak / 2)
        {
            half++;
        }

        double halfRadius = (half - 1 + ((profile[half - 1] - (peak / 2)) / (profile[half - 1] - profile[half]))) * step;
        int min = half;
        while (profile[min + 1] < profile[min])
        {
            min++;
        }

        double a = profile[min - 1], b = profile[min], c = profile[min + 1];
        double vertex = min + (0.5 * (a - c) / (a - (2 * b) + c));
        return (vertex * step, 2 * halfRadius);
    }
}
