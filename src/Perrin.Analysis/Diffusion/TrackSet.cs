using Perrin.Core.Tables;

namespace Perrin.Analysis.Diffusion;

/// <summary>Localizations grouped into tracks by their <see cref="Localization.Particle"/> id.</summary>
public sealed class TrackSet
{
    private TrackSet(IReadOnlyList<Track> tracks, int rowsWithoutParticle)
    {
        Tracks = tracks;
        RowsWithoutParticle = rowsWithoutParticle;
    }

    /// <summary>Tracks in increasing particle id order.</summary>
    public IReadOnlyList<Track> Tracks { get; }

    /// <summary>Rows that carried no particle id and belong to no track.</summary>
    public int RowsWithoutParticle { get; }

    /// <summary>Groups rows by particle and sorts each track by frame.</summary>
    /// <exception cref="ArgumentException">A particle has two rows in one frame.</exception>
    public static TrackSet FromLocalizations(IEnumerable<Localization> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var groups = new SortedDictionary<long, List<Localization>>();
        var orphans = 0;
        foreach (var row in rows)
        {
            if (row.Particle is not { } particle)
            {
                orphans++;
                continue;
            }

            if (!groups.TryGetValue(particle, out var list))
            {
                list = [];
                groups.Add(particle, list);
            }

            list.Add(row);
        }

        var tracks = new List<Track>(groups.Count);
        foreach (var (particle, list) in groups)
        {
            list.Sort((a, b) => a.Frame.CompareTo(b.Frame));
            var frames = new int[list.Count];
            var x = new double[list.Count];
            var y = new double[list.Count];
            var z = new double[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0 && list[i].Frame == list[i - 1].Frame)
                {
                    throw new ArgumentException($"particle {particle} has two rows in frame {list[i].Frame}; a track holds one position per frame", nameof(rows));
                }

                (frames[i], x[i], y[i], z[i]) = (list[i].Frame, list[i].X, list[i].Y, list[i].Z);
            }

            tracks.Add(new Track(particle, frames, x, y, z));
        }

        return new TrackSet(tracks, orphans);
    }
}
