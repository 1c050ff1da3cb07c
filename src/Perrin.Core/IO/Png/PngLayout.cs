namespace Perrin.Core.IO.Png;

/// <summary>How the inflated image data of a PNG is arranged, derived from a validated IHDR.</summary>
internal sealed class PngLayout
{
    private static readonly (int X0, int Y0, int StepX, int StepY)[] Adam7 =
    [
        (0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2),
    ];

    private PngLayout(PngHeader header, PngPass[] passes, long rawLength)
    {
        Header = header;
        StoredChannels = PngFormat.StoredChannels(header.ColorType);
        BitsPerPixel = StoredChannels * header.BitDepth;
        FilterStride = Math.Max(1, BitsPerPixel / 8);
        Passes = passes;
        RawLength = rawLength;
    }

    public PngHeader Header { get; }

    public int StoredChannels { get; }

    public int BitsPerPixel { get; }

    /// <summary>The byte distance to "the pixel to the left" that the filters use.</summary>
    public int FilterStride { get; }

    public IReadOnlyList<PngPass> Passes { get; }

    /// <summary>The exact number of bytes the zlib stream must inflate to.</summary>
    public long RawLength { get; }

    /// <summary>Checks that decoding the image stays within <see cref="PngFormat.MaxDecodedBytes"/> before anything is allocated.</summary>
    public static PngLayout? TryCreate(PngHeader header, out string problem)
    {
        var pixels = (long)header.Width * header.Height;
        var maxChannels = header.ColorType == PngFormat.ColorPalette ? 4 : PngFormat.StoredChannels(header.ColorType);
        var sampleBytes = header.BitDepth == 16 ? 2 : 1;
        if (pixels > PngFormat.MaxDecodedBytes || pixels * maxChannels * sampleBytes > PngFormat.MaxDecodedBytes ||
            pixels * maxChannels > Array.MaxLength)
        {
            problem = $"a {header.Width}×{header.Height} image with {maxChannels} channel(s) of {header.BitDepth} bits " +
                      $"exceeds the limit of {PngFormat.MaxDecodedBytes} decoded bytes";
            return null;
        }

        var bitsPerPixel = PngFormat.StoredChannels(header.ColorType) * header.BitDepth;
        var geometry = header.Interlaced ? Adam7 : [(0, 0, 1, 1)];
        var passes = new PngPass[geometry.Length];
        var start = 0L;
        for (var p = 0; p < geometry.Length; p++)
        {
            var (x0, y0, dx, dy) = geometry[p];
            var width = header.Width > x0 ? (int)((header.Width - x0 + (long)dx - 1) / dx) : 0;
            var height = header.Height > y0 ? (int)((header.Height - y0 + (long)dy - 1) / dy) : 0;
            var rowBytes = (int)(((long)width * bitsPerPixel + 7) / 8);
            passes[p] = new PngPass(x0, y0, dx, dy, width, height, rowBytes, start);
            start += passes[p].Length;
        }

        if (start > Array.MaxLength)
        {
            problem = $"a {header.Width}×{header.Height} image inflates to {start} bytes, more than one buffer can hold";
            return null;
        }

        problem = string.Empty;
        return new PngLayout(header, passes, start);
    }
}
