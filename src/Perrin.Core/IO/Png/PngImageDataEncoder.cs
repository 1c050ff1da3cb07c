using System.IO.Compression;

namespace Perrin.Core.IO.Png;

/// <summary>
/// Packs, filters and deflates an image's scanlines. Each row takes the filter whose output has the smallest sum
/// of absolute values (bytes read as signed), the heuristic the PNG specification recommends.
/// </summary>
internal static class PngImageDataEncoder
{
    public static MemoryStream Encode(PngImage image)
    {
        var bytesPerSample = image.BitDepth / 8;
        var stride = image.Channels * bytesPerSample;
        var rowBytes = image.Width * stride;
        var row = new byte[rowBytes];
        var prior = new byte[rowBytes];
        var candidates = new byte[PngFilters.Count][];
        for (var f = 0; f < candidates.Length; f++)
        {
            candidates[f] = new byte[rowBytes];
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var samplesPerRow = image.Width * image.Channels;
            for (var y = 0; y < image.Height; y++)
            {
                Pack(image.Samples.AsSpan(y * samplesPerRow, samplesPerRow), bytesPerSample, row);
                var best = Choose(row, prior, stride, candidates);
                zlib.WriteByte((byte)best);
                zlib.Write(candidates[best]);
                (row, prior) = (prior, row);
            }
        }

        compressed.Position = 0;
        return compressed;
    }

    private static void Pack(ReadOnlySpan<ushort> samples, int bytesPerSample, Span<byte> row)
    {
        if (bytesPerSample == 1)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                row[i] = (byte)samples[i];
            }

            return;
        }

        for (var i = 0; i < samples.Length; i++)
        {
            row[2 * i] = (byte)(samples[i] >> 8);
            row[(2 * i) + 1] = (byte)samples[i];
        }
    }

    private static int Choose(ReadOnlySpan<byte> row, ReadOnlySpan<byte> prior, int stride, byte[][] candidates)
    {
        var best = 0;
        var bestCost = long.MaxValue;
        for (var f = 0; f < candidates.Length; f++)
        {
            PngFilters.Filter(f, row, prior, stride, candidates[f]);
            var cost = 0L;
            foreach (var b in candidates[f])
            {
                cost += Math.Abs((int)(sbyte)b);
            }

            if (cost < bestCost)
            {
                bestCost = cost;
                best = f;
            }
        }

        return best;
    }
}
