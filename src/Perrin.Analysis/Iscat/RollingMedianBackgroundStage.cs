namespace Perrin.Analysis.Iscat;

/// <summary>
/// A slowly varying background removed by a temporal median over a sliding window of W frames (W odd): output frame
/// k is input frame k + (W − 1)/2 corrected by the per-pixel median of frames k … k + W − 1. Only W frames are kept;
/// the delay is W − 1. A particle that stays at a pixel for less than half the window does not enter the median.
/// </summary>
public sealed class RollingMedianBackgroundStage : IFrameStage
{
    private readonly float[][] _ring;
    private readonly float[] _values;
    private long _pushed;

    public RollingMedianBackgroundStage(int height, int width, int window, BackgroundCorrection mode = BackgroundCorrection.Ratio)
    {
        FrameInput.CheckSize(height, width);
        BackgroundMath.CheckMode(mode);
        if (window < 1 || window % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "the median window must be an odd number of frames, so that it has a centre frame");
        }

        Height = height;
        Width = width;
        Window = window;
        Mode = mode;
        _ring = new float[window][];
        _values = new float[window];
    }

    public string Description => $"rolling temporal median background (window {Window}, {Mode.ToString().ToLowerInvariant()})";

    public int Height { get; }

    public int Width { get; }

    public int Window { get; }

    public BackgroundCorrection Mode { get; }

    public int Delay => Window - 1;

    public bool Push(ReadOnlySpan<float> input, Span<float> output)
    {
        FrameInput.Check(this, input, output, _pushed);
        var slot = (int)(_pushed % Window);
        _ring[slot] ??= new float[input.Length];
        input.CopyTo(_ring[slot]);
        _pushed++;
        if (_pushed < Window)
        {
            return false;
        }

        var centre = _ring[(int)((_pushed - 1 - (Window / 2)) % Window)];
        for (var i = 0; i < output.Length; i++)
        {
            for (var f = 0; f < Window; f++)
            {
                _values[f] = _ring[f][i];
            }

            output[i] = BackgroundMath.Correct(centre[i], Median.OfInPlace(_values), Mode);
        }

        return true;
    }
}
