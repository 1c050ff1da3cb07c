namespace Perrin.Analysis.Iscat;

/// <summary>Corrects every frame by one fixed background image, such as a <see cref="TemporalMedian"/> of the movie.</summary>
public sealed class StaticBackgroundStage : IFrameStage
{
    private readonly float[] _background;
    private long _pushed;

    public StaticBackgroundStage(ReadOnlySpan<float> background, int height, int width, BackgroundCorrection mode = BackgroundCorrection.Ratio)
    {
        FrameInput.CheckSize(height, width);
        BackgroundMath.CheckMode(mode);
        if (background.Length != (long)height * width)
        {
            throw new ArgumentException($"the background has {background.Length} pixels but frames are {width}×{height}", nameof(background));
        }

        for (var i = 0; i < background.Length; i++)
        {
            if (!float.IsFinite(background[i]))
            {
                throw new ArgumentException($"the background has the non-finite value {background[i]} at pixel ({i % width}, {i / width})", nameof(background));
            }
        }

        _background = background.ToArray();
        Height = height;
        Width = width;
        Mode = mode;
    }

    public string Description => $"static background correction ({Mode.ToString().ToLowerInvariant()})";

    public int Height { get; }

    public int Width { get; }

    public BackgroundCorrection Mode { get; }

    public int Delay => 0;

    public bool Push(ReadOnlySpan<float> input, Span<float> output)
    {
        FrameInput.Check(this, input, output, _pushed);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = BackgroundMath.Correct(input[i], _background[i], Mode);
        }

        _pushed++;
        return true;
    }
}
