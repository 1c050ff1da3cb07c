namespace Perrin.Analysis.Iscat;

/// <summary>
/// PiSCAT's median fixed-pattern-noise correction (mFPN), frame by frame: the median of every row (or column) is
/// subtracted from it, which removes stripes from mismatched camera amplifiers while a particle, covering less than
/// half of a line, leaves the median and so itself untouched. Medians follow numpy (mean of the two middle values
/// for an even count).
/// </summary>
public sealed class FixedPatternNoiseStage : IFrameStage
{
    private readonly float[] _line;
    private long _pushed;

    public FixedPatternNoiseStage(int height, int width, FpnAxis axis = FpnAxis.Columns)
    {
        FrameInput.CheckSize(height, width);
        if (!Enum.IsDefined(axis))
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis, "the correction axis must be Rows, Columns or Both");
        }

        Height = height;
        Width = width;
        Axis = axis;
        _line = new float[Math.Max(height, width)];
    }

    public string Description => $"fixed-pattern-noise correction ({Axis.ToString().ToLowerInvariant()})";

    public int Height { get; }

    public int Width { get; }

    public FpnAxis Axis { get; }

    public int Delay => 0;

    public bool Push(ReadOnlySpan<float> input, Span<float> output)
    {
        FrameInput.Check(this, input, output, _pushed);
        input.CopyTo(output);
        if (Axis != FpnAxis.Columns)
        {
            SubtractRowMedians(output);
        }

        if (Axis != FpnAxis.Rows)
        {
            SubtractColumnMedians(output);
        }

        _pushed++;
        return true;
    }

    private void SubtractRowMedians(Span<float> frame)
    {
        var line = _line.AsSpan(0, Width);
        for (var y = 0; y < Height; y++)
        {
            var row = frame.Slice(y * Width, Width);
            row.CopyTo(line);
            var median = Median.OfInPlace(line);
            for (var x = 0; x < Width; x++)
            {
                row[x] = (float)(row[x] - median);
            }
        }
    }

    private void SubtractColumnMedians(Span<float> frame)
    {
        var line = _line.AsSpan(0, Height);
        for (var x = 0; x < Width; x++)
        {
            for (var y = 0; y < Height; y++)
            {
                line[y] = frame[(y * Width) + x];
            }

            var median = Median.OfInPlace(line);
            for (var y = 0; y < Height; y++)
            {
                frame[(y * Width) + x] = (float)(frame[(y * Width) + x] - median);
            }
        }
    }
}
