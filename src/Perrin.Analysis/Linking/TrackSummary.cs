using Perrin.Core.Tables;

namespace Perrin.Analysis.Linking;

/// <summary>One track at a glance. Distances are in the units of the positions (nanometres for Perrin tables).</summary>
/// <param name="Particle">The track's id.</param>
/// <param name="FirstFrame">The first frame it is seen in (0-based).</param>
/// <param name="LastFrame">The last frame it is seen in.</param>
/// <param name="Points">How many frames it is seen in.</param>
/// <param name="MeanX">Mean x over its points.</param>
/// <param name="MeanY">Mean y over its points.</param>
/// <param name="NetDisplacement">Straight-line distance from its first point to its last.</param>
/// <param name="PathLength">Summed length of its steps from point to point.</param>
public sealed record TrackSummary(
    long Particle,
    int FirstFrame,
    int LastFrame,
    int Points,
    double MeanX,
    double MeanY,
    double NetDisplacement,
    double PathLength)
{
    /// <summary>Frames between its first and last point in which it was not seen.</summary>
    public int MissedFrames => LastFrame - FirstFrame + 1 - Points;

    /// <summary>The summary of every track in <paramref name="tracks"/>, ordered by particle id.</summary>
    /// <exception cref="ArgumentException">A row has no particle id, or a track has two points in one frame.</exception>
    public static List<TrackSummary> Summarize(IReadOnlyList<Localization> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var byParticle = new SortedDictionary<long, List<Localization>>();
        for (var i = 0; i < tracks.Count; i++)
        {
            var particle = tracks[i].Particle
                ?? throw new ArgumentException($"row {i} (frame {tracks[i].Frame}) has no particle id; link the localizations into tracks first", nameof(tracks));
            if (!byParticle.TryGetValue(particle, out var points))
                byParticle[particle] = points = [];
            points.Add(tracks[i]);
        }

        var summaries = new List<TrackSummary>(byParticle.Count);
        foreach (var (particle, points) in byParticle)
        {
            points.Sort((a, b) => a.Frame.CompareTo(b.Frame));
            summaries.Add(Of(particle, points));
        }

        return summaries;
    }

    private static TrackSummary Of(long particle, List<Localization> points)
    {
        double sumX = 0, sumY = 0, path = 0;
        for (var i = 0; i < points.Count; i++)
        {
            sumX += points[i].X;
            sumY += points[i].Y;
            if (i == 0)
                continue;
            if (points[i].Frame == points[i - 1].Frame)
                throw new ArgumentException($"particle {particle} has two points in frame {points[i].Frame}; a track is seen at most once per frame", "tracks");
            path += Distance(points[i - 1], points[i]);
        }

        return new TrackSummary(
            particle,
            points[0].Frame,
            points[^1].Frame,
            points.Count,
            sumX / points.Count,
            sumY / points.Count,
            Distance(points[0], points[^1]),
            path);
    }

    private static double Distance(Localization a, Localization b) => Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)));
}
