using System.Buffers.Binary;

namespace Perrin.Core.IO.Png;

/// <summary>Walks the chunks of a PNG, enforcing their order and collecting what decoding needs.</summary>
internal static class PngParser
{
    private const int IhdrLength = 13;
    private const int MaxTextLength = 1 << 20;

    /// <summary>Reads the signature and the IHDR chunk only.</summary>
    public static PngHeader ParseHeader(Stream stream, string? name)
    {
        var reader = new PngChunkReader(stream, name);
        reader.ReadSignature();
        return ReadIhdr(reader).Header;
    }

    /// <summary>Reads every chunk up to IEND, or up to the first IDAT when <paramref name="stopAtImageData"/>.</summary>
    public static PngFileContents Parse(Stream stream, string? name, bool stopAtImageData)
    {
        var reader = new PngChunkReader(stream, name);
        reader.ReadSignature();
        var contents = ReadIhdr(reader);
        var paletteRequired = contents.Header.ColorType == PngFormat.ColorPalette;
        var imageDataEnded = false;
        while (true)
        {
            var chunk = reader.ReadHeader();
            var seenImageData = contents.ImageDataOffset >= 0;
            if (seenImageData && chunk.Type != "IDAT")
            {
                imageDataEnded = true;
            }

            switch (chunk.Type)
            {
                case "IHDR":
                    throw reader.Error(chunk.Offset, "a second IHDR chunk; expected exactly one, first");
                case "PLTE":
                    ReadPalette(reader, chunk, contents, seenImageData);
                    break;
                case "tRNS":
                    ReadTransparency(reader, chunk, contents, seenImageData);
                    break;
                case "IDAT":
                    if (imageDataEnded)
                    {
                        throw reader.Error(chunk.Offset, "an IDAT chunk after other chunks followed the image data; expected the IDAT chunks to be consecutive");
                    }

                    if (paletteRequired && contents.Palette is null)
                    {
                        throw reader.Error(chunk.Offset, "image data of a palette image before any PLTE chunk; expected PLTE first");
                    }

                    if (!seenImageData)
                    {
                        contents.ImageDataOffset = chunk.Offset;
                        if (stopAtImageData)
                        {
                            return contents;
                        }
                    }

                    reader.CopyData(chunk, contents.ImageData);
                    break;
                case "IEND":
                    if (!seenImageData)
                    {
                        throw reader.Error(chunk.Offset, "IEND before any IDAT chunk; expected image data");
                    }

                    if (chunk.Length != 0)
                    {
                        throw reader.Error(chunk.Offset, $"the IEND chunk holds {chunk.Length} bytes; expected 0");
                    }

                    reader.CopyData(chunk, null);
                    return contents;
                case "pHYs" when chunk.Length == 9:
                    contents.PixelSizeNm ??= PixelSizeNm(reader.ReadData(chunk));
                    break;
                case "tEXt" when chunk.Length <= MaxTextLength:
                    AddText(reader.ReadData(chunk), contents);
                    break;
                default:
                    if (chunk.IsCritical)
                    {
                        throw reader.Error(chunk.Offset, $"unknown critical chunk {chunk.Type}; expected IDAT, PLTE, IEND or an ancillary chunk");
                    }

                    reader.CopyData(chunk, null);
                    break;
            }
        }
    }

    private static PngFileContents ReadIhdr(PngChunkReader reader)
    {
        var chunk = reader.ReadHeader();
        if (chunk.Type != "IHDR")
        {
            throw reader.Error(chunk.Offset, $"the first chunk is {chunk.Type}; expected IHDR");
        }

        if (chunk.Length != IhdrLength)
        {
            throw reader.Error(chunk.Offset, $"the IHDR chunk holds {chunk.Length} bytes; expected {IhdrLength}");
        }

        var data = reader.ReadData(chunk);
        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(4));
        int bitDepth = data[8], colorType = data[9], compression = data[10], filter = data[11], interlace = data[12];
        string? problem = null;
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            problem = $"the image is {width}×{height}; expected width and height from 1 to {int.MaxValue}";
        }
        else if (colorType is not (0 or 2 or 3 or 4 or 6))
        {
            problem = $"colour type {colorType}; expected 0, 2, 3, 4 or 6";
        }
        else if (!PngFormat.IsAllowedBitDepth(colorType, bitDepth))
        {
            problem = $"bit depth {bitDepth} with colour type {colorType}; expected one the PNG standard allows for it";
        }
        else if (compression != 0 || filter != 0)
        {
            problem = $"compression method {compression} and filter method {filter}; expected 0 and 0";
        }
        else if (interlace > 1)
        {
            problem = $"interlace method {interlace}; expected 0 (none) or 1 (Adam7)";
        }

        if (problem is not null)
        {
            throw reader.Error(chunk.Offset, problem);
        }

        var header = new PngHeader((int)width, (int)height, bitDepth, colorType, interlace == 1);
        var layout = PngLayout.TryCreate(header, out var tooLarge) ?? throw reader.Error(chunk.Offset, tooLarge);
        return new PngFileContents(header, layout);
    }

    private static void ReadPalette(PngChunkReader reader, PngChunkHeader chunk, PngFileContents contents, bool seenImageData)
    {
        var colorType = contents.Header.ColorType;
        if (seenImageData || contents.Palette is not null || contents.PaletteAlpha is not null)
        {
            throw reader.Error(chunk.Offset, "a PLTE chunk out of place; expected at most one, before tRNS and IDAT");
        }

        if (colorType is PngFormat.ColorGray or PngFormat.ColorGrayAlpha)
        {
            throw reader.Error(chunk.Offset, $"a PLTE chunk in an image of colour type {colorType}; expected none for grayscale");
        }

        var maxEntries = colorType == PngFormat.ColorPalette ? 1 << contents.Header.BitDepth : 256;
        if (chunk.Length % 3 != 0 || chunk.Length == 0 || chunk.Length / 3 > maxEntries)
        {
            throw reader.Error(chunk.Offset, $"the PLTE chunk holds {chunk.Length} bytes; expected 1 to {maxEntries} RGB triples");
        }

        var palette = reader.ReadData(chunk);
        if (colorType == PngFormat.ColorPalette)
        {
            contents.Palette = palette;
        }
    }

    private static void ReadTransparency(PngChunkReader reader, PngChunkHeader chunk, PngFileContents contents, bool seenImageData)
    {
        if (contents.Header.ColorType != PngFormat.ColorPalette)
        {
            // A transparent key colour for gray or RGB images does not change the samples Perrin uses.
            reader.CopyData(chunk, null);
            return;
        }

        if (seenImageData || contents.Palette is null || contents.PaletteAlpha is not null)
        {
            throw reader.Error(chunk.Offset, "a tRNS chunk out of place; expected at most one, after PLTE and before IDAT");
        }

        var entries = contents.Palette.Length / 3;
        if (chunk.Length > entries)
        {
            throw reader.Error(chunk.Offset, $"the tRNS chunk holds {chunk.Length} alpha values; expected at most one per palette entry ({entries})");
        }

        contents.PaletteAlpha = reader.ReadData(chunk);
    }

    /// <summary>Only a square pixel with the unit metre gives a physical size.</summary>
    private static double? PixelSizeNm(byte[] data)
    {
        var x = BinaryPrimitives.ReadUInt32BigEndian(data);
        var y = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(4));
        return data[8] == 1 && x == y && x > 0 ? 1e9 / x : null;
    }

    /// <summary>Malformed text is ancillary and skipped rather than refused.</summary>
    private static void AddText(byte[] data, PngFileContents contents)
    {
        var separator = Array.IndexOf(data, (byte)0);
        if (separator is < 1 or > 79)
        {
            return;
        }

        var keyword = System.Text.Encoding.Latin1.GetString(data, 0, separator);
        contents.Text.TryAdd(keyword, System.Text.Encoding.Latin1.GetString(data, separator + 1, data.Length - separator - 1));
    }
}
