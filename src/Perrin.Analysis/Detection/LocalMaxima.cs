using Perrin.Core.Imaging;

namespace Perrin.Analysis.Detection;

/// <summary>Thresholded local maxima with non-maximum suppression by distance.</summary>
public static class LocalMaxima
{
    /// <summary>
    /// The pixels at or above <paramref name="threshold"/> that are the largest of their 3×3 neighbourhood, thinned
    /// so that no two kept maxima are closer than <paramref name="minDistance"/> pixels (the larger value wins, the
    /// earlier pixel in raster order on ties; on a plateau only its first pixel in raster order is a maximum), each
    /// refined by the weighted centroid of the (2·<paramref name="refineRadius"/> + 1)² window around it
    /// (0 keeps the pixel centre). Returned in raster order of the winning pixels.
    /// </summary>
    public static IReadOnlyList<Peak> Find(ImageFrame map, float threshold, double minDistance = 1, int refineRadius = 1)
    {
        MapValidation.RequirePositiveThreshold(threshold, nameof(threshold));
        if (!double.IsFinite(minDistance) || minDistance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minDistance), minDistance, "the minimum distance must be a finite number of map pixels, at least 0");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(refineRadius);
        MapValidation.RequireFinite(map, nameof(map));

        var candidates = Candidates(map, threshold);
        var kept = Suppress(map, candidates, minDistance);
        var peaks = new Peak[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var column = kept[i] % map.Width;
            var row = kept[i] / map.Width;
            var (x, y) = WeightedCentroid.Around(map, column, row, refineRadius);
            peaks[i] = new Peak(column, row, map.Pixels[kept[i]], x, y);
        }

        return peaks;
    }

    private static List<int> Candidates(ImageFrame map, float threshold)
    {
        var pixels = map.Pixels;
        var found = new List<int>();
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                var index = (y * map.Width) + x;
                if (pixels[index] >= threshold && IsMaximum(map, x, y, pixels[index]))
                {
                    found.Add(index);
                }
            }
        }

        return found;
    }

    private static bool IsMaximum(ImageFrame map, int x, int y, float value)
    {
        var pixels = map.Pixels;
        for (var dy = -1; dy <= 1; dy++)
        {
            var ny = y + dy;
            if ((uint)ny >= (uint)map.Height)
            {
                continue;
            }

            for (var dx = -1; dx <= 1; dx++)
            {
                var nx = x + dx;
                if ((uint)nx >= (uint)map.Width || (dx == 0 && dy == 0))
                {
                    continue;
                }

                var neighbour = pixels[(ny * map.Width) + nx];
                var earlier = dy < 0 || (dy == 0 && dx < 0);
                if (neighbour > value || (neighbour == value && earlier))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static List<int> Suppress(ImageFrame map, List<int> candidates, double minDistance)
    {
        var pixels = map.Pixels.ToArray();
        var order = candidates.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byValue = pixels[b].CompareTo(pixels[a]);
            return byValue != 0 ? byValue : a.CompareTo(b);
        });

        var reach = (int)Math.Min(Math.Ceiling(minDistance), Math.Max(map.Width, map.Height));
        var limit = minDistance * minDistance;
        var taken = new bool[pixels.Length];
        var kept = new List<int>();
        foreach (var index in order)
        {
            var x = index % map.Width;
            var y = index / map.Width;
            if (reach > 0 && HasTakenNeighbour(taken, map.Width, map.Height, x, y, reach, limit))
            {
                continue;
            }

            taken[index] = true;
            kept.Add(index);
        }

        kept.Sort();
        return kept;
    }

    private static bool HasTakenNeighbour(bool[] taken, int width, int height, int x, int y, int reach, double limit)
    {
        for (var ny = Math.Max(0, y - reach); ny <= Math.Min(height - 1, y + reach); ny++)
        {
            for (var nx = Math.Max(0, x - reach); nx <= Math.Min(width - 1, x + reach); nx++)
            {
                var dx = nx - x;
                var dy = ny - y;
                if (taken[(ny * width) + nx] && ((dx * dx) + (dy * dy)) < limit)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
