using System.Globalization;
using Perrin.Core.Imaging;

namespace Perrin.Cli.Overlay;

/// <summary>
/// The grey levels that map to black and white. "auto" stretches between the 0.5th and 99.5th percentiles of each
/// frame, so that a few bright spots do not leave everything else black; "minmax" uses the frame's range; "LO:HI"
/// fixes the levels, so that the frames of a range are comparable.
/// </summary>
internal sealed record ContrastStretch(string Mode, double Low, double High)
{
    public static ContrastStretch Auto { get; } = new("auto", double.NaN, double.NaN);

    public static ContrastStretch Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Equals("auto", StringComparison.OrdinalIgnoreCase))
            return Auto;
        if (text.Equals("minmax", StringComparison.OrdinalIgnoreCase))
            return new ContrastStretch("minmax", double.NaN, double.NaN);
        var parts = text.Split(':');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
            && double.IsFinite(low) && double.IsFinite(high) && high > low)
        {
            return new ContrastStretch("fixed", low, high);
        }

        throw new UserInputException($"--contrast must be auto, minmax or LOW:HIGH grey levels with LOW < HIGH (for example 100:900), not '{text}'");
    }

    /// <summary>The black and white levels for <paramref name="frame"/>.</summary>
    public (double Low, double High) LevelsFor(ImageFrame frame)
    {
        if (Mode == "fixed")
            return (Low, High);
        var pixels = frame.Pixels;
        var finite = new float[pixels.Length];
        var count = 0;
        foreach (var v in pixels)
        {
            if (float.IsFinite(v))
                finite[count++] = v;
        }

        if (count == 0)
            return (0, 1);
        var sorted = finite.AsSpan(0, count);
        sorted.Sort();
        return Mode == "minmax"
            ? (sorted[0], sorted[^1])
            : (sorted[(int)(0.005 * (count - 1))], sorted[(int)Math.Ceiling(0.995 * (count - 1))]);
    }
}
