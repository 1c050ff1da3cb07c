namespace Perrin.Core.IO.Png;

/// <summary>Constants of the PNG format (ISO/IEC 15948).</summary>
internal static class PngFormat
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Chunk lengths are four-byte unsigned integers limited to 2^31 − 1.</summary>
    public const int MaxChunkLength = int.MaxValue;

    /// <summary>Decoded samples (width·height·channels·bytes) beyond this are refused before anything is allocated.</summary>
    public const long MaxDecodedBytes = int.MaxValue;

    public const int ColorGray = 0;
    public const int ColorRgb = 2;
    public const int ColorPalette = 3;
    public const int ColorGrayAlpha = 4;
    public const int ColorRgba = 6;

    /// <summary>Samples per pixel as stored (a palette index is one sample).</summary>
    public static int StoredChannels(int colorType) => colorType switch
    {
        ColorGray or ColorPalette => 1,
        ColorGrayAlpha => 2,
        ColorRgb => 3,
        ColorRgba => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(colorType), colorType, "unknown PNG colour type"),
    };

    public static int ColorTypeOf(PngColor color) => color switch
    {
        PngColor.Gray => ColorGray,
        PngColor.GrayAlpha => ColorGrayAlpha,
        PngColor.Rgb => ColorRgb,
        PngColor.Rgba => ColorRgba,
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, "unknown PNG colour"),
    };

    public static bool IsAllowedBitDepth(int colorType, int bitDepth) => colorType switch
    {
        ColorGray => bitDepth is 1 or 2 or 4 or 8 or 16,
        ColorPalette => bitDepth is 1 or 2 or 4 or 8,
        ColorRgb or ColorGrayAlpha or ColorRgba => bitDepth is 8 or 16,
        _ => false,
    };
}
