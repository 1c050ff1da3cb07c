namespace Perrin.Core.IO.Tiff;

/// <summary>How <see cref="TiffWriter"/> compresses strips or tiles.</summary>
public enum TiffCompression
{
    None,
    PackBits,
    Lzw,
    Deflate,
}
