namespace Perrin.Analysis.Diffusion;

/// <summary>
/// One particle's positions in nanometres, ordered by strictly increasing 0-based frame. Frames may skip numbers
/// (missed detections); nothing is interpolated. <see cref="Z"/> holds NaN where the source had no z.
/// </summary>
public sealed class Track
{
    private readonly int[] _frames;
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _z;

    /// <exception cref="ArgumentException">Lengths differ, frames are not strictly increasing or negative, or x, y are not finite.</exception>
    public Track(long particle, ReadOnlySpan<int> frames, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z = default)
        : this(particle, frames.ToArray(), x.ToArray(), y.ToArray(), z.IsEmpty ? NaNs(frames.Length) : z.ToArray())
    {
    }

    internal Track(long particle, int[] frames, double[] x, double[] y, double[] z)
    {
        if (x.Length != frames.Length || y.Length != frames.Length || z.Length != frames.Length)
        {
            throw new ArgumentException($"particle {particle}: frames, x, y and z must have the same length ({frames.Length}, {x.Length}, {y.Length}, {z.Length})", nameof(frames));
        }

        for (var i = 0; i < frames.Length; i++)
        {
            if (frames[i] < 0 || (i > 0 && frames[i] <= frames[i - 1]))
            {
                throw new ArgumentException($"particle {particle}: frames must be non-negative and strictly increasing, but frame {frames[i]} follows {(i > 0 ? frames[i - 1] : -1)}", nameof(frames));
            }

            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new ArgumentException($"particle {particle}: the position ({x[i]}, {y[i]}) in frame {frames[i]} is not finite", nameof(x));
            }
        }

        Particle = particle;
        _frames = frames;
        _x = x;
        _y = y;
        _z = z;
    }

    public long Particle { get; }

    public int Count => _frames.Length;

    /// <summary>0-based frame numbers, strictly increasing.</summary>
    public ReadOnlySpan<int> Frames => _frames;

    /// <summary>Nanometres.</summary>
    public ReadOnlySpan<double> X => _x;

    /// <summary>Nanometres.</summary>
    public ReadOnlySpan<double> Y => _y;

    /// <summary>Nanometres, NaN where unknown.</summary>
    public ReadOnlySpan<double> Z => _z;

    /// <summary>Frames spanned from first to last point, gaps included.</summary>
    public int FrameSpan => _frames.Length == 0 ? 0 : _frames[^1] - _frames[0] + 1;

    /// <summary>Coordinate <paramref name="axis"/> (0 = x, 1 = y, 2 = z) of every point, in nanometres.</summary>
    public ReadOnlySpan<double> Axis(int axis) => axis switch
    {
        0 => _x,
        1 => _y,
        2 => _z,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "axis must be 0 (x), 1 (y) or 2 (z)"),
    };

    private static double[] NaNs(int length)
    {
        var values = new double[length];
        Array.Fill(values, double.NaN);
        return values;
    }
}
