namespace Perrin.Analysis.Diffusion;

/// <summary>
/// Mean squared displacement against lag, for lags 1..<see cref="MaxLag"/> frames. Values are µm² summed over the
/// spatial dimensions; a lag with no pair of points has NaN and a pair count of 0.
/// </summary>
public sealed class MsdCurve
{
    private readonly double[] _values;
    private readonly long[] _pairs;
    private readonly int[] _tracks;

    internal MsdCurve(double frameIntervalS, int dimension, double[] values, long[] pairs, int[] tracks)
    {
        FrameIntervalS = frameIntervalS;
        Dimension = dimension;
        _values = values;
        _pairs = pairs;
        _tracks = tracks;
    }

    public double FrameIntervalS { get; }

    /// <summary>How many coordinates (x; x, y; x, y, z) the squared displacements sum over.</summary>
    public int Dimension { get; }

    public int MaxLag => _values.Length;

    /// <summary>MSD in µm² at lag 1..MaxLag (index lag − 1).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Number of point pairs averaged at each lag (index lag − 1).</summary>
    public ReadOnlySpan<long> Pairs => _pairs;

    /// <summary>Number of tracks contributing at each lag (index lag − 1): 0 or 1 for one track's curve.</summary>
    public ReadOnlySpan<int> Tracks => _tracks;

    public double LagTime(int lag) => lag * FrameIntervalS;

    /// <summary>MSD at <paramref name="lag"/> frames (1-based lag).</summary>
    public double At(int lag) => _values[lag - 1];
}
