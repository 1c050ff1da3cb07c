using Perrin.Core.Randomness;

namespace Perrin.Simulation.Camera;

/// <summary>
/// Row and column fixed-pattern noise of a CMOS sensor, as it shows in iSCAT where the shot noise is tiny relative
/// to the signal: relative gains (photo-response non-uniformity of the row and column amplifiers, multiplying the
/// expected photo-electrons) and offsets (ADU, added at digitization). The pattern is drawn once and then applied
/// unchanged to every frame of a movie, unlike the shot and read noise that are drawn per frame.
/// </summary>
public sealed class FixedPatternNoise
{
    private readonly float[] _rowGains;
    private readonly float[] _columnGains;
    private readonly float[] _rowOffsetsAdu;
    private readonly float[] _columnOffsetsAdu;

    public FixedPatternNoise(ReadOnlySpan<float> rowGains, ReadOnlySpan<float> columnGains, ReadOnlySpan<float> rowOffsetsAdu, ReadOnlySpan<float> columnOffsetsAdu)
    {
        if (rowGains.Length < 1 || columnGains.Length < 1)
        {
            throw new ArgumentException("fixed-pattern noise needs at least one row and one column gain", nameof(rowGains));
        }

        if (rowOffsetsAdu.Length != rowGains.Length)
        {
            throw new ArgumentException($"rowOffsetsAdu holds {rowOffsetsAdu.Length} values but there are {rowGains.Length} rows", nameof(rowOffsetsAdu));
        }

        if (columnOffsetsAdu.Length != columnGains.Length)
        {
            throw new ArgumentException($"columnOffsetsAdu holds {columnOffsetsAdu.Length} values but there are {columnGains.Length} columns", nameof(columnOffsetsAdu));
        }

        _rowGains = Checked(rowGains, nameof(rowGains), positive: true);
        _columnGains = Checked(columnGains, nameof(columnGains), positive: true);
        _rowOffsetsAdu = Checked(rowOffsetsAdu, nameof(rowOffsetsAdu), positive: false);
        _columnOffsetsAdu = Checked(columnOffsetsAdu, nameof(columnOffsetsAdu), positive: false);
    }

    public int Width => _columnGains.Length;

    public int Height => _rowGains.Length;

    public ReadOnlySpan<float> RowGains => _rowGains;

    public ReadOnlySpan<float> ColumnGains => _columnGains;

    public ReadOnlySpan<float> RowOffsetsAdu => _rowOffsetsAdu;

    public ReadOnlySpan<float> ColumnOffsetsAdu => _columnOffsetsAdu;

    internal float[] RowGainArray => _rowGains;

    internal float[] ColumnGainArray => _columnGains;

    internal float[] RowOffsetArray => _rowOffsetsAdu;

    internal float[] ColumnOffsetArray => _columnOffsetsAdu;

    /// <summary>
    /// Draws a pattern: gains 1 + σ·Z (kept above 0.01), offsets σ·Z ADU, each row and column independent.
    /// Pass a stream made from the movie's seed once, and reuse the result for every frame.
    /// </summary>
    public static FixedPatternNoise Generate(
        int width,
        int height,
        RandomStream rng,
        double rowGainSigma = 0.002,
        double columnGainSigma = 0.002,
        double rowOffsetSigmaAdu = 0.5,
        double columnOffsetSigmaAdu = 0.5)
    {
        ArgumentNullException.ThrowIfNull(rng);
        CameraArguments.Dimensions(width, height, nameof(width));
        CameraArguments.NotNegative(rowGainSigma, nameof(rowGainSigma));
        CameraArguments.NotNegative(columnGainSigma, nameof(columnGainSigma));
        CameraArguments.NotNegative(rowOffsetSigmaAdu, nameof(rowOffsetSigmaAdu));
        CameraArguments.NotNegative(columnOffsetSigmaAdu, nameof(columnOffsetSigmaAdu));
        return new FixedPatternNoise(
            Draw(height, rng.Substream(1), 1, rowGainSigma),
            Draw(width, rng.Substream(2), 1, columnGainSigma),
            Draw(height, rng.Substream(3), 0, rowOffsetSigmaAdu),
            Draw(width, rng.Substream(4), 0, columnOffsetSigmaAdu));
    }

    private static float[] Draw(int count, RandomStream rng, double mean, double sigma)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            var v = rng.Normal(mean, sigma);
            values[i] = (float)(mean > 0 ? Math.Max(0.01, v) : v);
        }

        return values;
    }

    private static float[] Checked(ReadOnlySpan<float> values, string field, bool positive)
    {
        var copy = values.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (!float.IsFinite(copy[i]) || (positive && !(copy[i] > 0)))
            {
                throw new ArgumentException($"{field}[{i}] must be finite{(positive ? " and greater than 0" : string.Empty)}, not {copy[i]}", field);
            }
        }

        return copy;
    }
}
