namespace Perrin.Analysis.Diffusion;

/// <summary>
/// Cumulative drift in nanometres against frame, zero at the first frame. Between the frames listed the drift
/// holds its last value: a frame in which no particle moved from the frame before adds nothing.
/// </summary>
public sealed class DriftEstimate
{
    private readonly int[] _frames;
    private readonly double[] _x;
    private readonly double[] _y;

    internal DriftEstimate(int[] frames, double[] x, double[] y)
    {
        _frames = frames;
        _x = x;
        _y = y;
    }

    /// <summary>Frames at which the drift changes, increasing.</summary>
    public ReadOnlySpan<int> Frames => _frames;

    /// <summary>Cumulative x drift (nm) at each of <see cref="Frames"/>.</summary>
    public ReadOnlySpan<double> X => _x;

    /// <summary>Cumulative y drift (nm) at each of <see cref="Frames"/>.</summary>
    public ReadOnlySpan<double> Y => _y;

    /// <summary>Drift (nm) at any frame: the value at the last listed frame not after it, zero before the first.</summary>
    public (double X, double Y) At(int frame)
    {
        var index = Array.BinarySearch(_frames, frame);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return index < 0 ? (0.0, 0.0) : (_x[index], _y[index]);
    }

    /// <summary>The tracks with the drift of each point's frame subtracted from x and y.</summary>
    public IReadOnlyList<Track> Subtract(IReadOnlyList<Track> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var result = new Track[tracks.Count];
        for (var t = 0; t < tracks.Count; t++)
        {
            var track = tracks[t];
            var x = track.X.ToArray();
            var y = track.Y.ToArray();
            for (var i = 0; i < x.Length; i++)
            {
                var (dx, dy) = At(track.Frames[i]);
                x[i] -= dx;
                y[i] -= dy;
            }

            result[t] = new Track(track.Particle, track.Frames.ToArray(), x, y, track.Z.ToArray());
        }

        return result;
    }
}
