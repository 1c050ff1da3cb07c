using Perrin.Core.Randomness;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Augmentations;

/// <summary>
/// Mirror images (DeepTrack's FlipLR and FlipUD): horizontally x → W − 1 − x, vertically y → H − 1 − y. Pixels are
/// moved, not resampled, so flipping twice gives back the same bytes.
/// </summary>
public sealed record ImageFlip(bool Horizontal, bool Vertical) : IImageAugmentation
{
    /// <summary>Each flip with probability 1/2, horizontal drawn first.</summary>
    public static ImageFlip Draw(RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var horizontal = random.NextDouble() < 0.5;
        var vertical = random.NextDouble() < 0.5;
        return new ImageFlip(horizontal, vertical);
    }

    public (int Width, int Height) OutputSize(int width, int height) => (width, height);

    public void Apply(ReadOnlySpan<float> source, int width, int height, Span<float> destination)
    {
        ImageSpans.Check(source, width, height, destination, width * height);
        for (var y = 0; y < height; y++)
        {
            var from = source.Slice((Vertical ? height - 1 - y : y) * width, width);
            var to = destination.Slice(y * width, width);
            from.CopyTo(to);
            if (Horizontal)
            {
                to.Reverse();
            }
        }
    }

    public ParticleTruth Transform(in ParticleTruth particle, int width, int height)
    {
        if (!Horizontal && !Vertical)
        {
            return particle;
        }

        var x = Horizontal ? width - 1 - particle.X : particle.X;
        var y = Vertical ? height - 1 - particle.Y : particle.Y;
        return TruthGeometry.Map(particle, x, y, new Matrix2(Horizontal ? -1 : 1, 0, 0, Vertical ? -1 : 1));
    }
}
