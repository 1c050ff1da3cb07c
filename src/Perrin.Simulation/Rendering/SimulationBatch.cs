using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Rendering;

/// <summary>
/// Renders consecutive samples in parallel. Each sample writes only its own slice of the output, from its own
/// streams, so the bytes do not depend on the thread count or on the order the samples run in.
/// </summary>
public static class SimulationBatch
{
    /// <summary>
    /// Renders samples first … first + count − 1: images into <paramref name="images"/> (count · W · H floats),
    /// labels into <paramref name="labels"/> (count · <see cref="ImageSimulator.LabelLength"/> floats, or
    /// empty), and returns each sample's truth.
    /// </summary>
    public static ParticleTruth[][] Render(ImageSimulator simulator, ulong first, int count, int threads, float[] images, float[] labels)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var area = simulator.Width * simulator.Height;
        var labelLength = simulator.LabelLength;
        if (images.Length < (long)count * area)
        {
            throw new ArgumentException($"{count} images need {(long)count * area} floats, the buffer holds {images.Length}", nameof(images));
        }

        if (labels.Length != 0 && labels.Length < (long)count * labelLength)
        {
            throw new ArgumentException($"{count} labels need {(long)count * labelLength} floats, the buffer holds {labels.Length}", nameof(labels));
        }

        var truths = new ParticleTruth[count][];
        var keepLabels = labels.Length != 0;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var image = images.AsSpan(i * area, area);
            var label = keepLabels ? labels.AsSpan(i * labelLength, labelLength) : Span<float>.Empty;
            truths[i] = simulator.Render(first + (ulong)i, image, label);
        });
        return truths;
    }
}
