using System.Globalization;
using System.Text;

namespace Perrin.Core.IO.Tiff;

/// <summary>
/// The ImageJ ImageDescription: "ImageJ=version" followed by key=value lines. Only the keys that describe a
/// single-channel movie and its calibration are kept; the rest is ignored on reading.
/// </summary>
internal sealed record ImageJDescription
{
    /// <summary>The version ImageJ-compatible writers such as tifffile declare; ImageJ only checks the prefix.</summary>
    public const string Version = "1.11a";

    public int? Images { get; init; }

    public int? Channels { get; init; }

    public int? Slices { get; init; }

    public int? Frames { get; init; }

    public string? Unit { get; init; }

    public double? Spacing { get; init; }

    /// <summary>Time between frames in <see cref="TimeUnit"/>.</summary>
    public double? FrameInterval { get; init; }

    public string? TimeUnit { get; init; }

    public bool? Loop { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public string? Info { get; init; }

    public static bool IsImageJ(string? text) => text is not null && text.StartsWith("ImageJ=", StringComparison.Ordinal);

    /// <summary>Parses the description, or returns null when it is not ImageJ's. Malformed values are skipped.</summary>
    public static ImageJDescription? Parse(string? text)
    {
        if (!IsImageJ(text))
        {
            return null;
        }

        var result = new ImageJDescription();
        foreach (var line in text!.Split('\n'))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = line[(eq + 1)..].Trim();
            result = line[..eq].Trim() switch
            {
                "images" => result with { Images = Count(value) },
                "channels" => result with { Channels = Count(value) },
                "slices" => result with { Slices = Count(value) },
                "frames" => result with { Frames = Count(value) },
                "unit" => result with { Unit = Unescape(value) },
                "spacing" => result with { Spacing = Number(value) },
                "finterval" => result with { FrameInterval = Number(value) },
                "tunit" => result with { TimeUnit = Unescape(value) },
                "loop" => result with { Loop = value == "true" },
                "min" => result with { Min = Number(value) },
                "max" => result with { Max = Number(value) },
                "info" => result with { Info = Unescape(value) },
                _ => result,
            };
        }

        return result;
    }

    /// <summary>
    /// The description of a single-channel time series in ImageJ's own key order (FileSaver.getDescriptionString):
    /// ImageJ, images, frames, unit, finterval, loop, min, max, info.
    /// </summary>
    public static string Format(int images, bool calibrated, double? frameIntervalS, (double Min, double Max)? range, string? info)
    {
        var sb = new StringBuilder();
        sb.Append("ImageJ=").Append(Version).Append('\n');
        if (images > 1)
        {
            sb.Append("images=").Append(images.ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("frames=").Append(images.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        if (calibrated)
        {
            sb.Append("unit=micron\n");
        }

        if (frameIntervalS is { } dt && dt != 0 && double.IsFinite(dt))
        {
            sb.Append("finterval=").Append(JavaNumberFormat.Interval(dt)).Append('\n');
        }

        if (images > 1)
        {
            sb.Append("loop=false\n");
        }

        if (range is { } r)
        {
            sb.Append("min=").Append(JavaNumberFormat.Double(r.Min)).Append('\n');
            sb.Append("max=").Append(JavaNumberFormat.Double(r.Max)).Append('\n');
        }

        if (info is { Length: > 0 and <= 64 } && !info.Contains('=', StringComparison.Ordinal) && !info.Contains('\n', StringComparison.Ordinal))
        {
            sb.Append("info=").Append(info).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Nanometres per <see cref="Unit"/>, or null for "pixel" and units that are not lengths.</summary>
    public double? NanometresPerUnit => Unit?.ToLowerInvariant() switch
    {
        "micron" or "microns" or "um" or "\u00b5m" or "\u03bcm" or "micrometer" or "micrometre" => 1e3,
        "nm" or "nanometer" or "nanometre" => 1,
        "mm" or "millimeter" or "millimetre" => 1e6,
        "cm" or "centimeter" or "centimetre" => 1e7,
        "m" or "meter" or "metre" => 1e9,
        "a" or "\u00e5" or "angstrom" => 0.1,
        "inch" or "in" => 2.54e7,
        _ => null,
    };

    /// <summary>The frame interval in seconds, converting ImageJ's time unit (seconds unless "tunit" says otherwise).</summary>
    public double? FrameIntervalSeconds
    {
        get
        {
            double? scale = (TimeUnit ?? "sec").ToLowerInvariant() switch
            {
                "sec" or "s" or "second" or "seconds" => 1,
                "ms" or "msec" or "millisecond" or "milliseconds" => 1e-3,
                "us" or "\u00b5s" or "\u03bcs" or "usec" or "microsecond" or "microseconds" => 1e-6,
                "ns" or "nsec" or "nanosecond" or "nanoseconds" => 1e-9,
                "min" or "minute" or "minutes" => 60,
                "h" or "hr" or "hour" or "hours" => 3600,
                _ => null,
            };
            return FrameInterval is { } dt && scale is { } s && double.IsFinite(dt) && dt > 0 ? dt * s : null;
        }
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static int? Count(string text) =>
        Number(text) is { } v && v >= 0 && v <= int.MaxValue && v == Math.Truncate(v) ? (int)v : null;

    /// <summary>ImageJ writes non-ASCII characters of units and names as \uXXXX escapes.</summary>
    private static string Unescape(string text)
    {
        if (!text.Contains("\\u", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] == 'u' &&
                int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 5;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }
}
