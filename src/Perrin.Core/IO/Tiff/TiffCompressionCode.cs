namespace Perrin.Core.IO.Tiff;

/// <summary>Values of the Compression tag, and how they are named in messages and in <see cref="TiffFileInfo"/>.</summary>
internal static class TiffCompressionCode
{
    public const int None = 1;
    public const int Lzw = 5;
    public const int Deflate = 8;
    public const int PackBits = 32773;
    public const int DeflateLegacy = 32946;

    public static bool IsSupported(int code) => code is None or Lzw or Deflate or PackBits or DeflateLegacy;

    public static string Name(int code) => code switch
    {
        None => "none",
        Lzw => "LZW",
        Deflate or DeflateLegacy => "Deflate",
        PackBits => "PackBits",
        2 => "CCITT RLE",
        3 => "CCITT T.4",
        4 => "CCITT T.6",
        6 => "old-style JPEG",
        7 => "JPEG",
        34712 => "JPEG 2000",
        34887 => "LERC",
        34925 => "LZMA",
        50000 => "Zstandard",
        50001 => "WebP",
        _ => "unknown",
    };

    public static int FromOption(TiffCompression compression) => compression switch
    {
        TiffCompression.None => None,
        TiffCompression.PackBits => PackBits,
        TiffCompression.Lzw => Lzw,
        TiffCompression.Deflate => Deflate,
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "unknown TIFF compression"),
    };
}
