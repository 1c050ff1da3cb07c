using System.Globalization;

namespace Perrin.Cli.Overlay;

/// <summary>A range of frames, 1-based and inclusive as users write them ("3:7").</summary>
internal readonly record struct FrameRange(int First, int Last)
{
    public int Count => Last - First + 1;

    public static FrameRange Parse(string text, int frameCount)
    {
        var parts = text.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            throw new UserInputException($"--frames must be FIRST:LAST, 1-based and inclusive (for example 1:20), not '{text}'");
        }

        return Checked(first, last, frameCount);
    }

    public static FrameRange Checked(int first, int last, int frameCount)
    {
        if (first < 1 || last > frameCount || first > last)
            throw new UserInputException($"frames {first}:{last} are outside the movie's frames 1:{frameCount} (frames count from 1)");
        return new FrameRange(first, last);
    }
}
