using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Augmentations;

/// <summary>
/// One geometric change of an image, drawn for one sample, together with the exact change of the ground truth it
/// implies (pixel-centre convention). Implementations are immutable and safe to use from several threads.
/// </summary>
public interface IImageAugmentation
{
    /// <summary>Size of the output for an input of <paramref name="width"/> × <paramref name="height"/>.</summary>
    (int Width, int Height) OutputSize(int width, int height);

    /// <summary>Writes the transformed image (row-major, <see cref="OutputSize"/>) of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    void Apply(ReadOnlySpan<float> source, int width, int height, Span<float> destination);

    /// <summary>Where and how the particle appears in the output of an input of <paramref name="width"/> × <paramref name="height"/>.</summary>
    ParticleTruth Transform(in ParticleTruth particle, int width, int height);
}
