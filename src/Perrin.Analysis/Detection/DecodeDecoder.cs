using Perrin.Core.Imaging;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Detection;

/// <summary>
/// Decodes DECODE style probability + offset maps with DECODE's spatial integration: a pixel above the raw threshold
/// that is the largest of its 3×3 neighbourhood, or a pixel above the split threshold next to one, gets the sum of p
/// over itself and its four edge neighbours (optionally all eight), clamped to 1, so an emitter whose probability is
/// spread over two pixels counts once. Integrated values at or above the detection threshold (by default the raw threshold) are detections, placed at the
/// pixel centre plus the predicted offset, with photons, z, background and sigmas read from the winning pixel.
/// Unlike DECODE, equal maxima in one neighbourhood do not both win: the first in raster order does, so a
/// probability split exactly in half still gives a single detection.
/// </summary>
public sealed class DecodeDecoder
{
    public DecodeDecoder(DecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!float.IsFinite(options.RawThreshold) || options.RawThreshold <= 0 || options.RawThreshold > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RawThreshold, "the raw threshold must be a probability in (0, 1]");
        }

        if (!float.IsFinite(options.SplitThreshold) || options.SplitThreshold < 0 || options.SplitThreshold > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SplitThreshold, "the split threshold must be a probability in [0, 1]");
        }

        if (options.DetectionThreshold is { } detection && (!float.IsFinite(detection) || detection <= 0 || detection > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), detection, "the detection threshold must be a probability in (0, 1]");
        }

        if (!double.IsFinite(options.PhotonScale) || !double.IsFinite(options.ZScaleNm))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the photon and z scales must be finite numbers");
        }

        Options = options;
    }

    public DecodeOptions Options { get; }

    /// <summary>
    /// Writes the integrated probability of every pixel into <paramref name="integrated"/>: the clamped
    /// neighbourhood sum at local maxima and split pixels, 0 elsewhere.
    /// </summary>
    public void Integrate(ImageFrame probability, Span<float> integrated)
    {
        if (integrated.Length != probability.Pixels.Length)
        {
            throw new ArgumentException($"the output has {integrated.Length} entries but the probability map has {probability.Pixels.Length} pixels", nameof(integrated));
        }

        MapValidation.RequireFinite(probability, nameof(probability));
        var p = probability.Pixels;
        var raw = Options.RawThreshold;
        var split = Options.SplitThreshold;
        for (var y = 0; y < probability.Height; y++)
        {
            for (var x = 0; x < probability.Width; x++)
            {
                var i = (y * probability.Width) + x;
                var value = p[i];
                var candidate = value > raw ? IsMaximum(probability, x, y, value, raw) || value > split : value > split;
                integrated[i] = candidate ? (float)Math.Clamp(NeighbourhoodSum(probability, x, y), 0.0, 1.0) : 0f;
            }
        }
    }

    /// <summary>Localizations of one frame's maps, in raster order of the winning pixels.</summary>
    public IReadOnlyList<Localization> Decode(DecodeMaps maps, int frameIndex, double pixelSizeNm)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        PixelCoordinates.Validate(pixelSizeNm, nameof(pixelSizeNm));
        Check(maps);
        var width = maps.Probability.Width;
        var integrated = new float[maps.Probability.Pixels.Length];
        Integrate(maps.Probability, integrated);
        var threshold = Options.DetectionThreshold ?? Options.RawThreshold;
        var found = new List<Localization>();
        for (var i = 0; i < integrated.Length; i++)
        {
            if (integrated[i] >= threshold)
            {
                found.Add(At(maps, frameIndex, i % width, i / width, pixelSizeNm));
            }
        }

        return found;
    }

    private Localization At(DecodeMaps maps, int frame, int column, int row, double px)
    {
        var i = (row * maps.Probability.Width) + column;
        var sigmaX = Read(maps.SigmaX, i);
        var sigmaY = Read(maps.SigmaY, i);
        return new Localization(frame, (column + 0.5 + maps.OffsetX.Pixels[i]) * px, (row + 0.5 + maps.OffsetY.Pixels[i]) * px)
        {
            Intensity = Read(maps.Photons, i) * Options.PhotonScale,
            Z = Read(maps.Z, i) * Options.ZScaleNm,
            Offset = Read(maps.Background, i),

            // One lateral uncertainty: the root mean square of the two axes' standard deviations.
            Uncertainty = Math.Sqrt(((sigmaX * sigmaX) + (sigmaY * sigmaY)) / 2) * px,
            UncertaintyZ = Read(maps.SigmaZ, i) * Options.ZScaleNm,
        };
    }

    private static double Read(ImageFrame? map, int index) => map is { } m ? m.Pixels[index] : double.NaN;

    private static void Check(DecodeMaps maps)
    {
        var reference = maps.Probability;
        var named = new (ImageFrame? Map, string Name)[]
        {
            (maps.OffsetX, nameof(maps.OffsetX)), (maps.OffsetY, nameof(maps.OffsetY)), (maps.Photons, nameof(maps.Photons)),
            (maps.Z, nameof(maps.Z)), (maps.Background, nameof(maps.Background)), (maps.SigmaX, nameof(maps.SigmaX)),
            (maps.SigmaY, nameof(maps.SigmaY)), (maps.SigmaZ, nameof(maps.SigmaZ)),
        };
        foreach (var (map, name) in named)
        {
            if (map is { } m)
            {
                MapValidation.RequireSameSize(reference, m, name);
                MapValidation.RequireFinite(m, name);
            }
        }
    }

    /// <summary>
    /// DECODE compares p with the 3×3 maximum of the map clipped at the raw threshold; clipped neighbours are 0,
    /// which never beat a value above the threshold, so only neighbours above it matter.
    /// </summary>
    private static bool IsMaximum(ImageFrame p, int x, int y, float value, float raw)
    {
        for (var ny = Math.Max(0, y - 1); ny <= Math.Min(p.Height - 1, y + 1); ny++)
        {
            for (var nx = Math.Max(0, x - 1); nx <= Math.Min(p.Width - 1, x + 1); nx++)
            {
                if (nx == x && ny == y)
                {
                    continue;
                }

                var neighbour = p.Pixels[(ny * p.Width) + nx];
                var earlier = ny < y || (ny == y && nx < x);
                if (neighbour > raw && (neighbour > value || (neighbour == value && earlier)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private double NeighbourhoodSum(ImageFrame p, int x, int y)
    {
        double sum = 0;
        for (var ny = Math.Max(0, y - 1); ny <= Math.Min(p.Height - 1, y + 1); ny++)
        {
            for (var nx = Math.Max(0, x - 1); nx <= Math.Min(p.Width - 1, x + 1); nx++)
            {
                var diagonal = nx != x && ny != y;
                if (!diagonal || Options.IncludeDiagonals)
                {
                    sum += p.Pixels[(ny * p.Width) + nx];
                }
            }
        }

        return sum;
    }
}
