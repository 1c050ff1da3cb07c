namespace Perrin.Analysis.Localizers.Candidates;

/// <summary>Noise level of a mostly empty image from the median absolute deviation, which spots barely move.</summary>
internal static class RobustNoise
{
    // Sorting a bounded sample keeps the cost per frame constant; the MAD of 4096 values is within ~2% of the full one.
    private const int MaxSamples = 4096;
    private const double MadToSigma = 1.4826;

    public static double Sigma(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty)
        {
            return 0;
        }

        var step = Math.Max(1, (values.Length + MaxSamples - 1) / MaxSamples);
        var sample = new float[((values.Length - 1) / step) + 1];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = values[i * step];
        }

        Array.Sort(sample);
        var median = Median(sample);
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = Math.Abs(sample[i] - median);
        }

        Array.Sort(sample);
        return MadToSigma * Median(sample);
    }

    private static float Median(float[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5f * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);
}
