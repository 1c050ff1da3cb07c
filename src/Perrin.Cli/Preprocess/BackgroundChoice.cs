using System.Globalization;

namespace Perrin.Cli.Preprocess;

/// <summary>The parsed value of <c>--background median|rolling:W</c>; <see cref="Window"/> is 0 for the whole-movie median.</summary>
internal readonly record struct BackgroundChoice(BackgroundKind Kind, int Window)
{
    private const string Rolling = "rolling:";

    public static BackgroundChoice Parse(string text)
    {
        var value = text.Trim();
        if (value.Equals("median", StringComparison.OrdinalIgnoreCase))
        {
            return new BackgroundChoice(BackgroundKind.Median, 0);
        }

        if (!value.StartsWith(Rolling, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserInputException($"--background must be 'median' (the whole movie's temporal median) or 'rolling:W' (a sliding median of W frames), not '{text}'");
        }

        var window = value[Rolling.Length..];
        if (!int.TryParse(window, NumberStyles.None, CultureInfo.InvariantCulture, out var w) || w < 1 || w % 2 == 0)
        {
            throw new UserInputException($"--background rolling:W needs an odd number of frames W ≥ 1, so that the window has a centre frame, not '{window}'");
        }

        return new BackgroundChoice(BackgroundKind.Rolling, w);
    }
}
