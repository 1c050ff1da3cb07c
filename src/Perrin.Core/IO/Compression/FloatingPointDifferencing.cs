using System.Buffers;

namespace Perrin.Core.IO.Compression;

/// <summary>
/// TIFF predictor 3 (Adobe TIFF Technical Note 3). Each row is rearranged into byte planes, the most significant
/// byte of every sample first, and the planes are then differenced byte by byte, samplesPerPixel bytes apart.
/// The coded row is the same for either file byte order.
/// </summary>
internal static class FloatingPointDifferencing
{
    private const int StackLimit = 1024;

    public static void Undo(Span<byte> data, int rowBytes, int samplesPerPixel, int bytesPerSample, bool littleEndian)
    {
        byte[]? rented = null;
        var planes = rowBytes <= StackLimit ? stackalloc byte[rowBytes] : (rented = ArrayPool<byte>.Shared.Rent(rowBytes)).AsSpan(0, rowBytes);
        try
        {
            var samples = rowBytes / bytesPerSample;
            for (var start = 0; start < data.Length; start += rowBytes)
            {
                var row = data.Slice(start, rowBytes);
                for (var i = samplesPerPixel; i < rowBytes; i++)
                {
                    row[i] += row[i - samplesPerPixel];
                }

                row.CopyTo(planes);
                for (var plane = 0; plane < bytesPerSample; plane++)
                {
                    var position = littleEndian ? bytesPerSample - 1 - plane : plane;
                    var bytes = planes.Slice(plane * samples, samples);
                    for (var k = 0; k < samples; k++)
                    {
                        row[(k * bytesPerSample) + position] = bytes[k];
                    }
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static void Apply(Span<byte> data, int rowBytes, int samplesPerPixel, int bytesPerSample, bool littleEndian)
    {
        byte[]? rented = null;
        var planes = rowBytes <= StackLimit ? stackalloc byte[rowBytes] : (rented = ArrayPool<byte>.Shared.Rent(rowBytes)).AsSpan(0, rowBytes);
        try
        {
            var samples = rowBytes / bytesPerSample;
            for (var start = 0; start < data.Length; start += rowBytes)
            {
                var row = data.Slice(start, rowBytes);
                for (var plane = 0; plane < bytesPerSample; plane++)
                {
                    var position = littleEndian ? bytesPerSample - 1 - plane : plane;
                    var bytes = planes.Slice(plane * samples, samples);
                    for (var k = 0; k < samples; k++)
                    {
                        bytes[k] = row[(k * bytesPerSample) + position];
                    }
                }

                for (var i = rowBytes - 1; i >= samplesPerPixel; i--)
                {
                    planes[i] -= planes[i - samplesPerPixel];
                }

                planes.CopyTo(row);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
