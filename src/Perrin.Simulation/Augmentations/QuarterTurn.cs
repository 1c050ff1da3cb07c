using Perrin.Core.Randomness;
using Perrin.Simulation.Truth;

namespace Perrin.Simulation.Augmentations;

/// <summary>
/// Rotation by <see cref="Turns"/> quarter turns counter-clockwise on screen (numpy's and DeepTrack's rot90): one
/// turn maps (x, y) → (y, W − 1 − x) and a W × H image to H × W. Pixels are moved, not resampled, so four turns
/// give back the same bytes. In the angle convention of <see cref="ParticleTruth.AngleRad"/> (+x towards +y) a
/// turn is −90°.
/// </summary>
public sealed record QuarterTurn : IImageAugmentation
{
    public QuarterTurn(int turns)
    {
        Turns = ((turns % 4) + 4) % 4;
    }

    /// <summary>0 to 3.</summary>
    public int Turns { get; }

    /// <summary>0, 1, 2 or 3 turns, equally likely.</summary>
    public static QuarterTurn Draw(RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new QuarterTurn(random.NextInt(4));
    }

    public (int Width, int Height) OutputSize(int width, int height) => Turns % 2 == 0 ? (width, height) : (height, width);

    public void Apply(ReadOnlySpan<float> source, int width, int height, Span<float> destination)
    {
        ImageSpans.Check(source, width, height, destination, (long)width * height);
        var (outWidth, outHeight) = OutputSize(width, height);
        for (var y = 0; y < outHeight; y++)
        {
            var row = destination.Slice(y * outWidth, outWidth);
            switch (Turns)
            {
                case 0:
                    source.Slice(y * width, width).CopyTo(row);
                    break;
                case 1:
                    for (var x = 0; x < outWidth; x++)
                    {
                        row[x] = source[(x * width) + (width - 1 - y)];
                    }

                    break;
                case 2:
                    source.Slice((height - 1 - y) * width, width).CopyTo(row);
                    row.Reverse();
                    break;
                default:
                    for (var x = 0; x < outWidth; x++)
                    {
                        row[x] = source[((height - 1 - x) * width) + y];
                    }

                    break;
            }
        }
    }

    public ParticleTruth Transform(in ParticleTruth particle, int width, int height) => Turns switch
    {
        0 => particle,
        1 => TruthGeometry.Map(particle, particle.Y, width - 1 - particle.X, new Matrix2(0, 1, -1, 0)),
        2 => TruthGeometry.Map(particle, width - 1 - particle.X, height - 1 - particle.Y, new Matrix2(-1, 0, 0, -1)),
        _ => TruthGeometry.Map(particle, height - 1 - particle.Y, particle.X, new Matrix2(0, -1, 1, 0)),
    };
}
