using Perrin.Core.Imaging;

namespace Perrin.Core.IO.Png;

/// <summary>Inflates, unfilters and unpacks the image data of a parsed PNG.</summary>
internal static class PngDecoder
{
    public static PngImage Decode(PngFileContents contents, string? name)
    {
        var layout = contents.Layout;
        var raw = PngInflater.Inflate(contents, name);
        var unpacker = new PngSampleUnpacker(contents);
        var samples = new ushort[(long)contents.Header.Width * contents.Header.Height * unpacker.Channels];
        var zeros = new byte[layout.Passes.Max(p => p.RowBytes)];
        for (var p = 0; p < layout.Passes.Count; p++)
        {
            var pass = layout.Passes[p];
            if (pass.Length == 0)
            {
                continue;
            }

            ReadOnlySpan<byte> prior = zeros.AsSpan(0, pass.RowBytes);
            for (var j = 0; j < pass.Height; j++)
            {
                var start = (int)(pass.Start + ((long)j * (1 + pass.RowBytes)));
                var filter = raw[start];
                if (filter >= PngFilters.Count)
                {
                    throw new PerrinFormatException(name, contents.ImageDataOffset, $"{Where(layout, p, j)} has filter type {filter}; expected 0 to 4");
                }

                var row = raw.AsSpan(start + 1, pass.RowBytes);
                PngFilters.Unfilter(filter, row, prior, layout.FilterStride);
                var badIndex = unpacker.UnpackRow(row, pass, j, samples);
                if (badIndex >= 0)
                {
                    throw new PerrinFormatException(name, contents.ImageDataOffset, $"{Where(layout, p, j)} uses palette index {badIndex}; expected one below {contents.Palette!.Length / 3}");
                }

                prior = row;
            }
        }

        return new PngImage(contents.Header.Width, contents.Header.Height, unpacker.Color, unpacker.BitDepth, samples)
        {
            Metadata = new StackMetadata
            {
                PixelSizeNm = contents.PixelSizeNm,
                Description = contents.Text.GetValueOrDefault("Description"),
            },
            Text = contents.Text,
        };
    }

    private static string Where(PngLayout layout, int pass, int row) =>
        layout.Header.Interlaced ? $"row {row} of Adam7 pass {pass + 1}" : $"row {row}";
}
