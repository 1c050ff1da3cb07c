namespace Perrin.Analysis.Diffusion;

/// <summary>Mean squared displacements of single tracks and of an ensemble of tracks.</summary>
public static class Msd
{
    /// <summary>Largest lag accepted: a bound on the memory of one curve.</summary>
    public const int LagLimit = 1_000_000;

    private const double Nm2ToUm2 = 1e-6;

    /// <summary>
    /// Time-averaged MSD of one track. A lag of n frames averages every pair of points whose frames differ by exactly
    /// n, so gaps leave pairs out rather than shifting lags.
    /// </summary>
    /// <param name="dimension">1 (x), 2 (x, y) or 3 (x, y, z).</param>
    public static MsdCurve ForTrack(Track track, int maxLag, double frameIntervalS, int dimension = 2)
    {
        ArgumentNullException.ThrowIfNull(track);
        Validate(maxLag, frameIntervalS, dimension);
        RequireZ(track, dimension);
        var sums = new double[maxLag];
        var pairs = new long[maxLag];
        var frames = track.Frames;
        for (var i = 0; i < frames.Length; i++)
        {
            // Frames increase strictly, so at most maxLag partners follow within reach.
            for (var j = i + 1; j < frames.Length && frames[j] - frames[i] <= maxLag; j++)
            {
                var lag = frames[j] - frames[i];
                var square = 0.0;
                for (var axis = 0; axis < dimension; axis++)
                {
                    var d = track.Axis(axis)[j] - track.Axis(axis)[i];
                    square += d * d;
                }

                sums[lag - 1] += square;
                pairs[lag - 1]++;
            }
        }

        var values = new double[maxLag];
        var tracks = new int[maxLag];
        for (var k = 0; k < maxLag; k++)
        {
            values[k] = pairs[k] > 0 ? sums[k] / pairs[k] * Nm2ToUm2 : double.NaN;
            tracks[k] = pairs[k] > 0 ? 1 : 0;
        }

        return new MsdCurve(frameIntervalS, dimension, values, pairs, tracks);
    }

    /// <summary>
    /// Ensemble MSD as trackpy's emsd forms it: at each lag the tracks' MSDs averaged with weights equal to their
    /// pair counts, which equals pooling every pair of every track.
    /// </summary>
    /// <exception cref="ArgumentException">No curves, or curves with different lags, frame intervals or dimensions.</exception>
    public static MsdCurve Ensemble(IReadOnlyList<MsdCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0)
        {
            throw new ArgumentException("an ensemble MSD needs at least one track's curve", nameof(curves));
        }

        var first = curves[0];
        var maxLag = first.MaxLag;
        var weighted = new double[maxLag];
        var pairs = new long[maxLag];
        var tracks = new int[maxLag];
        foreach (var curve in curves)
        {
            if (curve.MaxLag != maxLag || curve.FrameIntervalS != first.FrameIntervalS || curve.Dimension != first.Dimension)
            {
                throw new ArgumentException("all curves of an ensemble must share the maximum lag, frame interval and dimension", nameof(curves));
            }

            for (var k = 0; k < maxLag; k++)
            {
                if (curve.Pairs[k] > 0)
                {
                    weighted[k] += curve.Values[k] * curve.Pairs[k];
                    pairs[k] += curve.Pairs[k];
                    tracks[k] += curve.Tracks[k];
                }
            }
        }

        var values = new double[maxLag];
        for (var k = 0; k < maxLag; k++)
        {
            values[k] = pairs[k] > 0 ? weighted[k] / pairs[k] : double.NaN;
        }

        return new MsdCurve(first.FrameIntervalS, first.Dimension, values, pairs, tracks);
    }

    internal static void Validate(int maxLag, double frameIntervalS, int dimension)
    {
        if (maxLag is < 1 or > LagLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLag), maxLag, $"the maximum lag must be 1 to {LagLimit} frames");
        }

        ValidateInterval(frameIntervalS);
        ValidateDimension(dimension);
    }

    internal static void ValidateInterval(double frameIntervalS)
    {
        if (!(frameIntervalS > 0) || !double.IsFinite(frameIntervalS))
        {
            throw new ArgumentOutOfRangeException(nameof(frameIntervalS), frameIntervalS, "the frame interval must be a positive number of seconds");
        }
    }

    internal static void ValidateDimension(int dimension)
    {
        if (dimension is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the dimension must be 1 (x), 2 (x, y) or 3 (x, y, z)");
        }
    }

    internal static void RequireZ(Track track, int dimension)
    {
        if (dimension == 3 && !AllFinite(track.Z))
        {
            throw new ArgumentException($"particle {track.Particle}: 3D analysis needs a finite z for every point", nameof(track));
        }
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
