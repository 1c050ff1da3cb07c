namespace Perrin.Analysis.Iscat;

/// <summary>
/// PiSCAT's power normalization, frame by frame: each frame is divided by its own mean, so a fluctuation of the
/// laser power, which scales the whole frame, cancels. PiSCAT also multiplies by the movie's mean frame sum to keep
/// the original scale; that needs the whole movie first, so here the output is the dimensionless relative intensity
/// (mean 1 in every frame).
/// </summary>
public sealed class PowerNormalizationStage : IFrameStage
{
    private long _pushed;

    public PowerNormalizationStage(int height, int width)
    {
        FrameInput.CheckSize(height, width);
        Height = height;
        Width = width;
    }

    public string Description => "power normalization";

    public int Height { get; }

    public int Width { get; }

    public int Delay => 0;

    /// <summary>The mean of the last frame pushed, the laser power up to a constant.</summary>
    public double LastMean { get; private set; } = double.NaN;

    public bool Push(ReadOnlySpan<float> input, Span<float> output)
    {
        FrameInput.Check(this, input, output, _pushed);
        double sum = 0;
        foreach (var v in input)
        {
            sum += v;
        }

        var mean = sum / input.Length;
        if (!(mean > 0))
        {
            throw new ArgumentException($"{Description}: input frame {_pushed} has mean {mean}; dividing by it needs a positive mean (is the camera offset subtracted twice?)", nameof(input));
        }

        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (float)(input[i] / mean);
        }

        LastMean = mean;
        _pushed++;
        return true;
    }
}
