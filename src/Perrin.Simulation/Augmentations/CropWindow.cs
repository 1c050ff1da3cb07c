using Perrin.Core.Randomness;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Augmentations;

/// <summary>
/// A window of the image (DeepTrack's Crop): output pixel (x, y) is input pixel (X + x, Y + y), so a particle moves
/// by exactly (−X, −Y). Particles that land outside the window are kept in the truth (their light may still reach
/// its edge); <see cref="Labels.TruthPositions.InField"/> tells which are inside.
/// </summary>
public sealed record CropWindow(int X, int Y, int Width, int Height) : IImageAugmentation
{
    /// <summary>A window of the given size at a uniformly drawn integer origin (x first) inside the image.</summary>
    public static CropWindow Draw(RandomStream random, int imageWidth, int imageHeight, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, imageWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, imageHeight);
        var x = random.NextInt(imageWidth - width + 1);
        var y = random.NextInt(imageHeight - height + 1);
        return new CropWindow(x, y, width, height);
    }

    public (int Width, int Height) OutputSize(int width, int height) => (Width, Height);

    public void Apply(ReadOnlySpan<float> source, int width, int height, Span<float> destination)
    {
        ImageSpans.Check(source, width, height, destination, (long)Width * Height);
        if (X < 0 || Y < 0 || X + Width > width || Y + Height > height)
        {
            throw new ArgumentException($"the window {Width}×{Height} at ({X}, {Y}) does not fit in a {width}×{height} image", nameof(source));
        }

        for (var y = 0; y < Height; y++)
        {
            source.Slice(((Y + y) * width) + X, Width).CopyTo(destination.Slice(y * Width, Width));
        }
    }

    public ParticleTruth Transform(in ParticleTruth particle, int width, int height) =>
        particle with { X = particle.X - X, Y = particle.Y - Y };
}
