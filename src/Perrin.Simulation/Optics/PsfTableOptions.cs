namespace Perrin.Simulation.Optics;

/// <summary>
/// How a <see cref="PsfTable"/> samples its PSF: a square patch of <see cref="PatchSize"/> pixels (0 picks the
/// smallest odd size holding <see cref="EnclosedEnergy"/> of the light at every depth, at most 127), a grid of
/// <see cref="OffsetsPerPixel"/> + 1 sub-pixel offsets per axis from −½ to +½ pixel, and
/// <see cref="ZCount"/> depths evenly spaced from <see cref="ZMinNm"/> to <see cref="ZMaxNm"/>.
/// Memory: (OffsetsPerPixel + 1)² × PatchSize² × ZCount floats.
/// </summary>
public sealed record PsfTableOptions
{
    public const int MaxAutoPatchSize = 127;

    public int PatchSize { get; init; }

    public double EnclosedEnergy { get; init; } = 0.98;

    public int OffsetsPerPixel { get; init; } = 16;

    public double ZMinNm { get; init; }

    public double ZMaxNm { get; init; }

    public int ZCount { get; init; } = 1;

    /// <summary>A single depth: the table ignores the z of the points it renders.</summary>
    public static PsfTableOptions AtDepth(double zNm) => new() { ZMinNm = zNm, ZMaxNm = zNm, ZCount = 1 };

    /// <summary>Depths from min to max inclusive; points between two depths are interpolated linearly.</summary>
    public static PsfTableOptions DepthRange(double zMinNm, double zMaxNm, int count) =>
        new() { ZMinNm = zMinNm, ZMaxNm = zMaxNm, ZCount = count };

    internal double[] Depths() => [.. Enumerable.Range(0, ZCount).Select(i =>
        ZCount == 1 ? ZMinNm : ZMinNm + ((ZMaxNm - ZMinNm) * i / (ZCount - 1)))];

    internal void Validate()
    {
        if (PatchSize != 0 && (PatchSize < 1 || PatchSize > 1023 || PatchSize % 2 == 0))
        {
            throw new ArgumentException($"The patch size must be 0 (automatic) or an odd number from 1 to 1023, got {PatchSize}.", nameof(PatchSize));
        }

        if (!(EnclosedEnergy > 0 && EnclosedEnergy < 1))
        {
            throw new ArgumentException($"The enclosed energy must be between 0 and 1, got {EnclosedEnergy}.", nameof(EnclosedEnergy));
        }

        if (OffsetsPerPixel < 1 || OffsetsPerPixel > 64)
        {
            throw new ArgumentException($"The sub-pixel offsets per pixel must be between 1 and 64, got {OffsetsPerPixel}.", nameof(OffsetsPerPixel));
        }

        if (ZCount < 1 || ZCount > 4096)
        {
            throw new ArgumentException($"The number of depths must be between 1 and 4096, got {ZCount}.", nameof(ZCount));
        }

        if (!double.IsFinite(ZMinNm) || !double.IsFinite(ZMaxNm) || ZMaxNm < ZMinNm || (ZCount > 1 && ZMaxNm == ZMinNm))
        {
            throw new ArgumentException($"The depth range must be finite with min < max for several depths (min = max for one), got {ZMinNm} to {ZMaxNm} nm with {ZCount} depths.", nameof(ZMinNm));
        }
    }
}
