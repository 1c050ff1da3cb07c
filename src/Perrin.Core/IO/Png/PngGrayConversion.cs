namespace Perrin.Core.IO.Png;

/// <summary>
/// Reduces a PNG to one channel: gray as is, alpha dropped, colour by ITU-R BT.601 luma
/// (0.299 R + 0.587 G + 0.114 B, rounded half up, computed exactly in integers).
/// </summary>
internal static class PngGrayConversion
{
    public static void ToGray(PngImage image, Span<ushort> gray)
    {
        var s = image.Samples;
        var channels = image.Channels;
        for (var i = 0; i < gray.Length; i++)
        {
            var k = i * channels;
            gray[i] = image.Color is PngColor.Gray or PngColor.GrayAlpha
                ? s[k]
                : (ushort)(((299 * s[k]) + (587 * s[k + 1]) + (114 * s[k + 2]) + 500) / 1000);
        }
    }
}
