namespace Perrin.Core.IO.Png;

/// <summary>What the chunks of a PNG hold, before the image data is inflated.</summary>
internal sealed class PngFileContents(PngHeader header, PngLayout layout)
{
    public PngHeader Header { get; } = header;

    public PngLayout Layout { get; } = layout;

    /// <summary>RGB triples of the PLTE chunk, when the image is palette-based.</summary>
    public byte[]? Palette { get; set; }

    /// <summary>Alpha per palette entry from tRNS, when the image is palette-based and has one.</summary>
    public byte[]? PaletteAlpha { get; set; }

    public MemoryStream ImageData { get; } = new();

    /// <summary>Byte offset of the first IDAT chunk, where problems with the image data are reported.</summary>
    public long ImageDataOffset { get; set; } = -1;

    public double? PixelSizeNm { get; set; }

    public Dictionary<string, string> Text { get; } = new(StringComparer.Ordinal);
}
