using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Perrin.Core.IO.Compression;

/// <summary>TIFF predictor 2: each sample is stored as its difference from the same sample of the pixel to its left.</summary>
internal static class HorizontalDifferencing
{
    public static void Undo(Span<byte> data, int rowBytes, int samplesPerPixel, int bytesPerSample, bool littleEndian) =>
        Run(data, rowBytes, samplesPerPixel, bytesPerSample, littleEndian, undo: true);

    public static void Apply(Span<byte> data, int rowBytes, int samplesPerPixel, int bytesPerSample, bool littleEndian) =>
        Run(data, rowBytes, samplesPerPixel, bytesPerSample, littleEndian, undo: false);

    private static void Run(Span<byte> data, int rowBytes, int samplesPerPixel, int bytesPerSample, bool littleEndian, bool undo)
    {
        // Arithmetic needs machine order: swap foreign-order data in, work, and swap it back to file order.
        var swap = bytesPerSample > 1 && littleEndian != BitConverter.IsLittleEndian;
        for (var start = 0; start < data.Length; start += rowBytes)
        {
            var row = data.Slice(start, rowBytes);
            switch (bytesPerSample)
            {
                case 1:
                    Difference(row, samplesPerPixel, undo);
                    break;
                case 2:
                    var shorts = MemoryMarshal.Cast<byte, ushort>(row);
                    if (swap)
                    {
                        BinaryPrimitives.ReverseEndianness(shorts, shorts);
                        Difference(shorts, samplesPerPixel, undo);
                        BinaryPrimitives.ReverseEndianness(shorts, shorts);
                    }
                    else
                    {
                        Difference(shorts, samplesPerPixel, undo);
                    }

                    break;
                case 4:
                    var ints = MemoryMarshal.Cast<byte, uint>(row);
                    if (swap)
                    {
                        BinaryPrimitives.ReverseEndianness(ints, ints);
                        Difference(ints, samplesPerPixel, undo);
                        BinaryPrimitives.ReverseEndianness(ints, ints);
                    }
                    else
                    {
                        Difference(ints, samplesPerPixel, undo);
                    }

                    break;
                default:
                    var longs = MemoryMarshal.Cast<byte, ulong>(row);
                    if (swap)
                    {
                        BinaryPrimitives.ReverseEndianness(longs, longs);
                        Difference(longs, samplesPerPixel, undo);
                        BinaryPrimitives.ReverseEndianness(longs, longs);
                    }
                    else
                    {
                        Difference(longs, samplesPerPixel, undo);
                    }

                    break;
            }
        }
    }

    private static void Difference<T>(Span<T> row, int stride, bool undo)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (undo)
        {
            for (var i = stride; i < row.Length; i++)
            {
                row[i] += row[i - stride];
            }
        }
        else
        {
            for (var i = row.Length - 1; i >= stride; i--)
            {
                row[i] -= row[i - stride];
            }
        }
    }
}
