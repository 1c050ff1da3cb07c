using System.Runtime.InteropServices;
using Perrin.Analysis.Assignment;
using Perrin.Analysis.Spatial;
using Perrin.Core.Tables;

namespace Perrin.Analysis.Linking;

/// <summary>
/// Links localizations into tracks frame by frame, as trackpy's <c>link</c> does: in each frame the links from the
/// tracks still alive to the new localizations are chosen together, by an exact linear assignment that minimizes the
/// summed squared displacements, where leaving a track unlinked costs search range² (trackpy's null link). A link is
/// therefore made whenever it is shorter than the search range and no better arrangement of the neighbours needs its
/// localization. Candidates are found through a grid of search-range cells, so the work grows with the number of
/// localizations and their crowding, never combinatorially. Only the tracks that may still be continued are kept.
/// <para>
/// The assignment is solved exactly in polynomial time however large a crowded subnetwork is, so trackpy's
/// <c>adaptive_stop</c> and <c>adaptive_step</c>, which shrink the search range only to keep trackpy's exhaustive
/// subnetwork search affordable, are not needed: the search range is always the one given.
/// </para>
/// <para>
/// Particle ids are 0, 1, 2, … in order of first appearance, and within a frame in the order of position (x, then
/// y, then the other quantities), so they do not depend on the order of the rows within a frame. Linking is in the
/// plane: z, where present, is carried along but not used.
/// </para>
/// </summary>
public sealed class TrackLinker
{
    private readonly LinkingOptions _options;
    private readonly double _range2;
    private readonly List<ActiveTrack> _active = [];
    private readonly PointGrid _grid = new();
    private readonly List<int> _near = [];
    private int _lastFrame = -1;
    private long _frames;
    private long _localizations;
    private long _links;
    private long _gapLinks;
    private long _nextParticle;

    public TrackLinker(LinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _range2 = options.SearchRange * options.SearchRange;
    }

    public LinkStatistics Statistics => new(_frames, _localizations, _links, _gapLinks, _nextParticle);

    /// <summary>Tracks that the next frame may still continue.</summary>
    public int ActiveTracks => _active.Count;

    /// <summary>
    /// Links the localizations of <paramref name="frame"/>, which must come after every frame linked before (frames
    /// may be skipped; a skipped frame counts as one in which nothing was seen). The <see cref="Localization.Frame"/>
    /// of the rows is not consulted. Returns the rows with their <see cref="Localization.Particle"/> set, ordered by
    /// particle id.
    /// </summary>
    public Localization[] LinkFrame(int frame, ReadOnlySpan<Localization> localizations)
    {
        if (frame < 0)
            throw new ArgumentOutOfRangeException(nameof(frame), frame, "frames are 0-based and cannot be negative");
        if (_frames > 0 && frame <= _lastFrame)
            throw new ArgumentException($"frame {frame} comes after frame {_lastFrame}: frames must be linked in increasing order", nameof(frame));

        for (var i = 0; i < localizations.Length; i++)
        {
            var (x, y) = (localizations[i].X, localizations[i].Y);
            if (!double.IsFinite(x) || !double.IsFinite(y))
                throw new ArgumentException($"frame {frame}: localization {i} has the position ({x}, {y}); positions must be finite", nameof(localizations));
        }

        var input = localizations.ToArray();
        var order = LocalizationOrder.Sorted(input);
        Forget(frame);
        var trackOf = Assign(frame, input, order);

        var particles = new long[order.Length];
        var tracks = CollectionsMarshal.AsSpan(_active);
        for (var j = 0; j < order.Length; j++)
        {
            var k = trackOf[j];
            if (k < 0)
                continue;
            ref readonly var row = ref input[order[j]];
            ref var track = ref tracks[k];
            var elapsed = frame - track.LastFrame;
            track.VelocityX = (row.X - track.X) / elapsed;
            track.VelocityY = (row.Y - track.Y) / elapsed;
            track.X = row.X;
            track.Y = row.Y;
            track.LastFrame = frame;
            particles[j] = track.Particle;
            _links++;
            if (elapsed > 1) _gapLinks++;
        }

        // New tracks are added only after every update through the span, which growing the list would detach; they
        // are numbered in canonical order, that is by position.
        for (var j = 0; j < order.Length; j++)
        {
            if (trackOf[j] >= 0)
                continue;
            particles[j] = _nextParticle++;
            _active.Add(new ActiveTrack { Particle = particles[j], X = input[order[j]].X, Y = input[order[j]].Y, LastFrame = frame });
        }

        Array.Sort(particles, order);
        var rows = new Localization[order.Length];
        for (var j = 0; j < rows.Length; j++)
            rows[j] = input[order[j]] with { Frame = frame, Particle = particles[j] };

        _lastFrame = frame;
        _frames++;
        _localizations += rows.Length;
        return rows;
    }

    /// <summary>
    /// Links a whole sequence of rows sorted by frame (the order within a frame does not matter), streaming: only the
    /// current frame and the tracks that may still be continued are held. Each frame's rows come out ordered by
    /// particle id.
    /// </summary>
    /// <exception cref="ArgumentException">The rows are not sorted by frame.</exception>
    public static IEnumerable<Localization> Link(IEnumerable<Localization> rowsSortedByFrame, LinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(rowsSortedByFrame);
        var linker = new TrackLinker(options);
        return linker.LinkSequence(rowsSortedByFrame);
    }

    /// <summary>Links a whole table, in any row order; the result is sorted by frame and then particle id.</summary>
    public static LocalizationTable Link(LocalizationTable table, LinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sorted = table.Rows.OrderBy(r => r.Frame);
        return new LocalizationTable(Link(sorted, options), table.Columns | LocalizationColumns.Particle, table.PixelSizeNm);
    }

    private IEnumerable<Localization> LinkSequence(IEnumerable<Localization> rows)
    {
        var frame = new List<Localization>();
        var current = -1;
        var index = 0L;
        foreach (var row in rows)
        {
            if (row.Frame != current && frame.Count > 0)
            {
                if (row.Frame < current)
                    throw new ArgumentException($"row {index} is in frame {row.Frame} after rows of frame {current}: the rows must be sorted by frame", nameof(rows));
                foreach (var linked in LinkFrame(current, CollectionsMarshal.AsSpan(frame)))
                    yield return linked;
                frame.Clear();
            }

            current = row.Frame;
            frame.Add(row);
            index++;
        }

        if (frame.Count > 0)
        {
            foreach (var linked in LinkFrame(current, CollectionsMarshal.AsSpan(frame)))
                yield return linked;
        }
    }

    /// <summary>Drops the tracks unseen for longer than the memory allows, keeping the others in particle order.</summary>
    private void Forget(int frame)
    {
        var kept = 0;
        var tracks = CollectionsMarshal.AsSpan(_active);
        for (var k = 0; k < tracks.Length; k++)
        {
            if ((long)frame - tracks[k].LastFrame - 1 <= _options.Memory)
                tracks[kept++] = tracks[k];
        }

        _active.RemoveRange(kept, _active.Count - kept);
    }

    /// <summary>The active track the j-th row in canonical <paramref name="order"/> continues, or −1 where it starts a new one.</summary>
    private int[] Assign(int frame, Localization[] rows, int[] order)
    {
        var trackOf = new int[rows.Length];
        Array.Fill(trackOf, -1);
        if (rows.Length == 0 || _active.Count == 0)
            return trackOf;

        var xs = new double[rows.Length];
        var ys = new double[rows.Length];
        for (var j = 0; j < rows.Length; j++)
        {
            xs[j] = rows[order[j]].X;
            ys[j] = rows[order[j]].Y;
        }

        _grid.Build(xs, ys, _options.SearchRange);
        var problem = new AssignmentProblem(_active.Count, rows.Length);
        for (var k = 0; k < _active.Count; k++)
        {
            if (Predicted(_active[k], frame) is not { } predicted)
                continue;
            var (px, py) = predicted;
            _near.Clear();
            _grid.Near(px, py, _near);
            foreach (var j in _near)
            {
                var dx = xs[j] - px;
                var dy = ys[j] - py;
                var d2 = (dx * dx) + (dy * dy);
                if (d2 < _range2)
                    problem.Add(k, j, d2);
            }
        }

        if (problem.EdgeCount == 0)
            return trackOf;

        // Half of the null-link cost on each side: a link then wins exactly when it is shorter than the search range,
        // unless a better arrangement of its neighbours needs one of its ends.
        var result = problem.Solve(_range2 / 2, _range2 / 2);
        for (var j = 0; j < rows.Length; j++)
            trackOf[j] = result.ColumnToRow[j];
        return trackOf;
    }

    /// <summary>Where to search for the track's continuation; null when the prediction lies beyond every localization.</summary>
    private (double X, double Y)? Predicted(ActiveTrack track, int frame)
    {
        if (!_options.Predict)
            return (track.X, track.Y);
        var elapsed = frame - track.LastFrame;
        var x = track.X + (track.VelocityX * elapsed);
        var y = track.Y + (track.VelocityY * elapsed);

        // A prediction that overflowed is out of range of every localization.
        return double.IsFinite(x) && double.IsFinite(y) ? (x, y) : null;
    }
}
