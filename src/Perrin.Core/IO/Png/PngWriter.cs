using System.Buffers.Binary;

namespace Perrin.Core.IO.Png;

/// <summary>
/// Writes 8 or 16-bit PNG files (gray, gray+alpha, RGB, RGBA), not interlaced. The pixel size in
/// <see cref="PngImage.Metadata"/> goes into a pHYs chunk as whole pixels per metre (so it is rounded to about
/// 1 part in 10^7 for microscope pixel sizes); <see cref="PngImage.Text"/> and the description go into tEXt chunks.
/// </summary>
public static class PngWriter
{
    /// <summary>Image data is split into IDAT chunks of this size, which every decoder handles.</summary>
    internal const int MaxImageDataChunk = 1 << 16;

    public static void Write(string path, PngImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        AtomicFileWriter.Write(path, stream => Write(stream, image));
    }

    public static void Write(Stream stream, PngImage image)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(image);
        var text = TextChunks(image);
        using var imageData = PngImageDataEncoder.Encode(image);
        stream.Write(PngFormat.Signature);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, (uint)image.Width);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr[4..], (uint)image.Height);
        ihdr[8] = (byte)image.BitDepth;
        ihdr[9] = (byte)PngFormat.ColorTypeOf(image.Color);
        PngChunkWriter.Write(stream, "IHDR", ihdr);
        if (PixelsPerMetre(image.Metadata.PixelSizeNm) is { } ppm)
        {
            Span<byte> phys = stackalloc byte[9];
            BinaryPrimitives.WriteUInt32BigEndian(phys, ppm);
            BinaryPrimitives.WriteUInt32BigEndian(phys[4..], ppm);
            phys[8] = 1;
            PngChunkWriter.Write(stream, "pHYs", phys);
        }

        foreach (var chunk in text)
        {
            PngChunkWriter.Write(stream, "tEXt", chunk);
        }

        var compressed = imageData.GetBuffer().AsSpan(0, (int)imageData.Length);
        do
        {
            var piece = compressed[..Math.Min(compressed.Length, MaxImageDataChunk)];
            PngChunkWriter.Write(stream, "IDAT", piece);
            compressed = compressed[piece.Length..];
        }
        while (!compressed.IsEmpty);

        PngChunkWriter.Write(stream, "IEND", []);
    }

    private static uint? PixelsPerMetre(double? pixelSizeNm)
    {
        if (pixelSizeNm is not { } nm || !double.IsFinite(nm) || nm <= 0)
        {
            return null;
        }

        var ppm = Math.Round(1e9 / nm);
        return ppm is >= 1 and <= int.MaxValue ? (uint)ppm : null;
    }

    private static List<byte[]> TextChunks(PngImage image)
    {
        var entries = new Dictionary<string, string>(image.Text, StringComparer.Ordinal);
        if (image.Metadata.Description is { } description)
        {
            entries.TryAdd("Description", description);
        }

        var chunks = new List<byte[]>();
        foreach (var (keyword, value) in entries)
        {
            CheckKeyword(keyword);
            chunks.Add([.. System.Text.Encoding.Latin1.GetBytes(keyword), 0, .. System.Text.Encoding.Latin1.GetBytes(value)]);
        }

        return chunks;
    }

    private static void CheckKeyword(string keyword)
    {
        var printable = keyword.All(c => c is (>= ' ' and <= '~') or (>= '\u00A1' and <= '\u00FF'));
        if (keyword.Length is < 1 or > 79 || !printable || keyword.StartsWith(' ') || keyword.EndsWith(' ') || keyword.Contains("  ", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{keyword}' is not a PNG text keyword: expected 1 to 79 printable Latin-1 characters without leading, trailing or double spaces", nameof(keyword));
        }
    }
}
