namespace Perrin.Analysis.Iscat;

/// <summary>
/// PiSCAT's differential rolling average (DRA) with batch size B, streaming: output frame k compares the mean of
/// input frames k+B … k+2B−1 with the mean of frames k … k+B−1 (see <see cref="DraMode"/>). Both batch sums are
/// updated in O(1) per pixel and frame, and only the last 2B frames are kept. Delay 2B − 1, so N frames give N − 2B + 1
/// outputs (PiSCAT's loop stops one window short of the last, giving N − 2B). A pixel whose earlier batch mean is 0
/// gives ±∞ or NaN in ratio mode.
/// </summary>
public sealed class DifferentialRollingAverageStage : IFrameStage
{
    private readonly float[][] _ring;
    private readonly double[] _earlier;
    private readonly double[] _later;
    private long _pushed;

    public DifferentialRollingAverageStage(int height, int width, int batchSize, DraMode mode = DraMode.Ratio)
    {
        FrameInput.CheckSize(height, width);
        DraArithmetic.CheckBatchSize(batchSize);
        DraArithmetic.CheckMode(mode);

        Height = height;
        Width = width;
        BatchSize = batchSize;
        Mode = mode;
        _ring = new float[checked(2 * batchSize)][];
        _earlier = new double[height * width];
        _later = new double[height * width];
    }

    public string Description => DraArithmetic.Describe(BatchSize, Mode);

    public int Height { get; }

    public int Width { get; }

    public int BatchSize { get; }

    public DraMode Mode { get; }

    public int Delay => (2 * BatchSize) - 1;

    public bool Push(ReadOnlySpan<float> input, Span<float> output)
    {
        FrameInput.Check(this, input, output, _pushed);
        var b = BatchSize;
        var slot = (int)(_pushed % (2 * b));
        if (_pushed < b)
        {
            DraArithmetic.Add(_earlier, input);
        }
        else if (_pushed < 2 * b)
        {
            DraArithmetic.Add(_later, input);
        }
        else
        {
            // The slot about to be overwritten holds frame t − 2B; frame t − B passes from the later batch to the earlier.
            var middle = _ring[(int)((_pushed - b) % (2 * b))];
            DraArithmetic.Slide(_earlier, middle, _ring[slot]);
            DraArithmetic.Slide(_later, input, middle);
        }

        _ring[slot] ??= new float[input.Length];
        input.CopyTo(_ring[slot]);
        _pushed++;
        if (_pushed < 2 * b)
        {
            return false;
        }

        DraArithmetic.Emit(_earlier, _later, b, Mode, output);
        return true;
    }
}
