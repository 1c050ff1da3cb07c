namespace Perrin.Analysis.Iscat;

/// <summary>Checks every stage applies to the frames it is given.</summary>
internal static class FrameInput
{
    /// <summary>
    /// A NaN pixel would spread through the running sums and medians into every later frame, so it is refused where
    /// it enters, with the frame and pixel named.
    /// </summary>
    public static void Check(IFrameStage stage, ReadOnlySpan<float> input, Span<float> output, long frameIndex)
    {
        var expected = (long)stage.Height * stage.Width;
        if (output.Length != expected)
        {
            throw new ArgumentException($"{stage.Description}: the output buffer has {output.Length} pixels, but the stage writes {stage.Width}×{stage.Height} = {expected}", nameof(output));
        }

        Check(stage.Description, stage.Height, stage.Width, input, frameIndex);
    }

    public static void Check(string description, int height, int width, ReadOnlySpan<float> input, long frameIndex)
    {
        var expected = (long)height * width;
        if (input.Length != expected)
        {
            throw new ArgumentException($"{description}: input frame {frameIndex} has {input.Length} pixels, but the stage works on {width}×{height} = {expected}", nameof(input));
        }

        for (var i = 0; i < input.Length; i++)
        {
            if (!float.IsFinite(input[i]))
            {
                throw new ArgumentException($"{description}: input frame {frameIndex} has the non-finite value {input[i]} at pixel ({i % width}, {i / width})", nameof(input));
            }
        }
    }

    public static void CheckSize(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if ((long)height * width > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"a {width}×{height} frame has too many pixels for one buffer");
        }
    }
}
