using Perrin.Core.Tables;

namespace Perrin.Analysis.Evaluation;

/// <summary>
/// The tracks of a table for scoring: points grouped by particle and ordered by frame, with each track's points at
/// <c>Start[k]..Start[k + 1]</c>, and the points of each frame listed.
/// </summary>
internal sealed class TrackingScoreTracks
{
    private TrackingScoreTracks(int[] start, int[] frame, double[] x, double[] y, int[] trackOf, Dictionary<int, List<int>> byFrame)
    {
        Start = start;
        Frame = frame;
        X = x;
        Y = y;
        TrackOf = trackOf;
        ByFrame = byFrame;
    }

    public int Count => Start.Length - 1;

    public int Points => Frame.Length;

    public int[] Start { get; }

    public int[] Frame { get; }

    public double[] X { get; }

    public double[] Y { get; }

    public int[] TrackOf { get; }

    public Dictionary<int, List<int>> ByFrame { get; }

    public int Length(int track) => Start[track + 1] - Start[track];

    /// <exception cref="ArgumentException">A row lacks a particle id or a finite position, or a track is seen twice in a frame.</exception>
    public static TrackingScoreTracks From(IReadOnlyList<Localization> rows, string parameter)
    {
        var order = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Particle is null)
                throw new ArgumentException($"row {i} (frame {rows[i].Frame}) has no particle id; tracks need one on every row", parameter);
            if (!double.IsFinite(rows[i].X) || !double.IsFinite(rows[i].Y))
                throw new ArgumentException($"row {i} (frame {rows[i].Frame}) has the position ({rows[i].X}, {rows[i].Y}); positions must be finite", parameter);
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var c = rows[a].Particle!.Value.CompareTo(rows[b].Particle!.Value);
            return c != 0 ? c : rows[a].Frame.CompareTo(rows[b].Frame);
        });

        var starts = new List<int>();
        var frame = new int[rows.Count];
        var x = new double[rows.Count];
        var y = new double[rows.Count];
        var trackOf = new int[rows.Count];
        var byFrame = new Dictionary<int, List<int>>();
        for (var p = 0; p < order.Length; p++)
        {
            var row = rows[order[p]];
            var newTrack = p == 0 || row.Particle != rows[order[p - 1]].Particle;
            if (newTrack)
                starts.Add(p);
            else if (row.Frame == frame[p - 1])
                throw new ArgumentException($"particle {row.Particle} has two points in frame {row.Frame}; a track is seen at most once per frame", parameter);

            frame[p] = row.Frame;
            x[p] = row.X;
            y[p] = row.Y;
            trackOf[p] = starts.Count - 1;
            if (!byFrame.TryGetValue(row.Frame, out var points))
                byFrame[row.Frame] = points = [];
            points.Add(p);
        }

        starts.Add(order.Length);
        return new TrackingScoreTracks([.. starts], frame, x, y, trackOf, byFrame);
    }

    /// <summary>Frames in which both tracks have a point.</summary>
    public static int CommonFrames(TrackingScoreTracks a, int trackA, TrackingScoreTracks b, int trackB)
    {
        int i = a.Start[trackA], endA = a.Start[trackA + 1];
        int j = b.Start[trackB], endB = b.Start[trackB + 1];
        var common = 0;
        while (i < endA && j < endB)
        {
            if (a.Frame[i] < b.Frame[j]) i++;
            else if (a.Frame[i] > b.Frame[j]) j++;
            else
            {
                common++;
                i++;
                j++;
            }
        }

        return common;
    }
}
