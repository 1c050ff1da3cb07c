namespace Perrin.Simulation.Tests.Camera;

/// <summary>Mean and unbiased variance of a sample, accumulated in double with Welford's update.</summary>
internal readonly record struct SampleMoments(long Count, double Mean, double Variance)
{
    public static SampleMoments Of(ReadOnlySpan<float> values) => Of(values, 0, 1);

    /// <summary>Moments of values[start], values[start + stride], …</summary>
    public static SampleMoments Of(ReadOnlySpan<float> values, int start, int stride)
    {
        long n = 0;
        double mean = 0, m2 = 0;
        for (var i = start; i < values.Length; i += stride)
        {
            n++;
            var delta = values[i] - mean;
            mean += delta / n;
            m2 += delta * (values[i] - mean);
        }

        return new SampleMoments(n, mean, m2 / (n - 1));
    }

    /// <summary>Standard error of the mean.</summary>
    public double MeanError => Math.Sqrt(Variance / Count);
}
