using System.Globalization;
using System.Text.RegularExpressions;

namespace Perrin.Cli.Decode;

/// <summary>
/// What `perrin simulate --labels` writes into the labels TIFF's description ("label NAME, C channels per sample"):
/// the label kind and its channel count, so that a labels file decoded as the wrong form is caught by name.
/// </summary>
internal readonly partial record struct SimulatedLabelNote(string Name, int Channels)
{
    public static SimulatedLabelNote? Find(string? description)
    {
        if (description is null)
        {
            return null;
        }

        var match = Pattern().Match(description);
        return match.Success && int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var channels)
            ? new SimulatedLabelNote(match.Groups[1].Value, channels)
            : null;
    }

    /// <summary>The form that decodes this label, or null for labels that are not maps of emitters (volumes).</summary>
    public MapForm? Form => Name switch
    {
        "heatmap" or "density" or "mask" => MapForm.Heatmap,
        "superres" => MapForm.DeepStorm,
        "decode" => MapForm.Decode,
        _ => null,
    };

    [GeneratedRegex(@"label ([a-z]+), (\d{1,4}) channels per sample", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Pattern();
}
