namespace Perrin.Core.IO.Tiff;

/// <summary>Sanity limits that keep a lying header from driving allocations or loops.</summary>
internal static class TiffLimits
{
    /// <summary>A frame must fit in one managed array.</summary>
    public const long MaxFrameBytes = 0x7FFFFFC7;

    /// <summary>No supported codec expands data by more than this factor (LZW peaks near 2700:1, Deflate near 1030:1).</summary>
    public const long MaxCompressionRatio = 4096;

    /// <summary>Strips or tiles of one frame; a real frame has at most one per row.</summary>
    public const int MaxSegmentsPerFrame = 1 << 22;

    /// <summary>Decoded bytes of one tile.</summary>
    public const long MaxTileBytes = 1L << 28;

    /// <summary>ImageDescription text read; longer descriptions are cut (ImageJ keys come first).</summary>
    public const int MaxDescriptionBytes = 1 << 22;

    /// <summary>Classic TIFF addresses bytes with 32-bit offsets.</summary>
    public const long ClassicMaxFileBytes = uint.MaxValue;
}
