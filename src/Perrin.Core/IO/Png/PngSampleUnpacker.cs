namespace Perrin.Core.IO.Png;

/// <summary>
/// Turns decoded scanlines into 8 or 16-bit samples: 16-bit samples are big-endian, palette indices become their
/// colours, and 1, 2 and 4-bit gray levels are scaled to the 8-bit range (0…255) by bit replication.
/// </summary>
internal sealed class PngSampleUnpacker
{
    private readonly PngHeader _header;
    private readonly byte[]? _palette;
    private readonly byte[]? _alpha;
    private readonly int _storedChannels;

    public PngSampleUnpacker(PngFileContents contents)
    {
        _header = contents.Header;
        _palette = contents.Palette;
        _alpha = contents.PaletteAlpha;
        _storedChannels = contents.Layout.StoredChannels;
        Color = contents.Header.ColorType switch
        {
            PngFormat.ColorGray => PngColor.Gray,
            PngFormat.ColorGrayAlpha => PngColor.GrayAlpha,
            PngFormat.ColorRgba => PngColor.Rgba,
            PngFormat.ColorPalette when _alpha is not null => PngColor.Rgba,
            _ => PngColor.Rgb,
        };
        Channels = PngImage.ChannelsOf(Color);
        BitDepth = _header.BitDepth == 16 ? 16 : 8;
    }

    public PngColor Color { get; }

    public int Channels { get; }

    public int BitDepth { get; }

    /// <summary>Writes row <paramref name="j"/> of <paramref name="pass"/>; returns a palette index beyond the palette, or −1.</summary>
    public int UnpackRow(ReadOnlySpan<byte> row, PngPass pass, int j, ushort[] output)
    {
        var y = pass.Y0 + ((long)j * pass.StepY);
        for (var i = 0; i < pass.Width; i++)
        {
            var x = pass.X0 + ((long)i * pass.StepX);
            var at = (int)(((y * _header.Width) + x) * Channels);
            if (_header.BitDepth == 16)
            {
                for (var c = 0; c < _storedChannels; c++)
                {
                    var k = 2 * ((i * _storedChannels) + c);
                    output[at + c] = (ushort)((row[k] << 8) | row[k + 1]);
                }
            }
            else if (_palette is not null)
            {
                var index = Packed(row, i);
                if ((3 * index) + 2 >= _palette.Length)
                {
                    return index;
                }

                output[at] = _palette[3 * index];
                output[at + 1] = _palette[(3 * index) + 1];
                output[at + 2] = _palette[(3 * index) + 2];
                if (_alpha is not null)
                {
                    output[at + 3] = index < _alpha.Length ? _alpha[index] : (byte)255;
                }
            }
            else if (_header.BitDepth < 8)
            {
                output[at] = (ushort)(Packed(row, i) * 255 / ((1 << _header.BitDepth) - 1));
            }
            else
            {
                for (var c = 0; c < _storedChannels; c++)
                {
                    output[at + c] = row[(i * _storedChannels) + c];
                }
            }
        }

        return -1;
    }

    /// <summary>Pixel <paramref name="i"/> of a one-sample-per-pixel row of up to 8 bits, packed from the high bit down.</summary>
    private int Packed(ReadOnlySpan<byte> row, int i)
    {
        var depth = _header.BitDepth;
        var bit = (long)i * depth;
        var shift = 8 - depth - (int)(bit & 7);
        return (row[(int)(bit >> 3)] >> shift) & ((1 << depth) - 1);
    }
}
