using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Png;

/// <summary>
/// A decoded PNG, or one to write: 8 or 16-bit samples, channels interleaved, rows top to bottom.
/// Sample c of pixel (x, y) is at index (y·width + x)·channels + c.
/// </summary>
public sealed class PngImage
{
    public PngImage(int width, int height, PngColor color, int bitDepth, ushort[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (!Enum.IsDefined(color))
        {
            throw new ArgumentOutOfRangeException(nameof(color), color, "unknown PNG colour");
        }

        if (bitDepth is not (8 or 16))
        {
            throw new ArgumentOutOfRangeException(nameof(bitDepth), bitDepth, "PNG images hold 8 or 16-bit samples");
        }

        var channels = ChannelsOf(color);
        var expected = (long)width * height * channels;
        if (samples.Length != expected)
        {
            throw new ArgumentException($"a {width}×{height} {color} image needs {expected} samples, not {samples.Length}", nameof(samples));
        }

        if (bitDepth == 8)
        {
            var index = samples.AsSpan().IndexOfAnyExceptInRange((ushort)0, (ushort)255);
            if (index >= 0)
            {
                throw new ArgumentException($"sample {index} is {samples[index]}, above 255, in an 8-bit image", nameof(samples));
            }
        }

        Width = width;
        Height = height;
        Color = color;
        BitDepth = bitDepth;
        Channels = channels;
        Samples = samples;
    }

    public int Width { get; }

    public int Height { get; }

    public PngColor Color { get; }

    /// <summary>8 or 16.</summary>
    public int BitDepth { get; }

    public int Channels { get; }

    public ushort[] Samples { get; }

    /// <summary>Pixel size from (or for) the pHYs chunk; the description from (or for) a tEXt "Description".</summary>
    public StackMetadata Metadata { get; init; } = StackMetadata.Unknown;

    /// <summary>Every tEXt keyword and its text (Latin-1), as read, or to write.</summary>
    public IReadOnlyDictionary<string, string> Text { get; init; } = new Dictionary<string, string>();

    public static int ChannelsOf(PngColor color) => color switch
    {
        PngColor.Gray => 1,
        PngColor.GrayAlpha => 2,
        PngColor.Rgb => 3,
        PngColor.Rgba => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, "unknown PNG colour"),
    };
}
