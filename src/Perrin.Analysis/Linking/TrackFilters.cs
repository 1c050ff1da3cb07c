using Perrin.Core.Tables;

namespace Perrin.Analysis.Linking;

/// <summary>Filters on linked tracks (rows with <see cref="Localization.Particle"/> set).</summary>
public static class TrackFilters
{
    /// <summary>
    /// trackpy's <c>filter_stubs</c>: keeps the rows of the tracks with at least <paramref name="minLength"/> rows
    /// (one per frame the particle was seen in), in their order; particle ids are left as they are.
    /// </summary>
    /// <exception cref="ArgumentException">A row has no particle id, or <paramref name="minLength"/> is below 1.</exception>
    public static List<Localization> FilterStubs(IReadOnlyList<Localization> tracks, int minLength)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        if (minLength < 1)
            throw new ArgumentOutOfRangeException(nameof(minLength), minLength, "the minimum track length is a number of frames ≥ 1");

        var lengths = Lengths(tracks);
        var kept = new List<Localization>();
        foreach (var row in tracks)
        {
            if (lengths[row.Particle!.Value] >= minLength)
                kept.Add(row);
        }

        return kept;
    }

    /// <summary><see cref="FilterStubs(IReadOnlyList{Localization}, int)"/> on a table; columns and pixel size are kept.</summary>
    public static LocalizationTable FilterStubs(LocalizationTable tracks, int minLength)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        return new LocalizationTable(FilterStubs(tracks.Rows, minLength), tracks.Columns, tracks.PixelSizeNm);
    }

    /// <summary>Rows per particle id.</summary>
    /// <exception cref="ArgumentException">A row has no particle id.</exception>
    public static Dictionary<long, int> Lengths(IReadOnlyList<Localization> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var lengths = new Dictionary<long, int>();
        for (var i = 0; i < tracks.Count; i++)
        {
            var particle = tracks[i].Particle
                ?? throw new ArgumentException($"row {i} (frame {tracks[i].Frame}) has no particle id; link the localizations into tracks first", nameof(tracks));
            lengths[particle] = lengths.GetValueOrDefault(particle) + 1;
        }

        return lengths;
    }
}
