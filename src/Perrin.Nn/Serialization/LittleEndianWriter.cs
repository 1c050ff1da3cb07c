using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Perrin.Nn.Serialization;

/// <summary>Writes numeric arrays as little-endian bytes, bit for bit (NaN payloads and -0 survive).</summary>
internal static class LittleEndianWriter
{
    private const int ChunkElements = 1 << 14;

    public static void Write(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        Write(stream, MemoryMarshal.Cast<float, int>(values));
    }

    public static void Write(Stream stream, ReadOnlySpan<long> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        var chunk = new long[Math.Min(ChunkElements, values.Length)];
        for (var start = 0; start < values.Length; start += chunk.Length)
        {
            var part = values.Slice(start, Math.Min(chunk.Length, values.Length - start));
            BinaryPrimitives.ReverseEndianness(part, chunk);
            stream.Write(MemoryMarshal.AsBytes(chunk.AsSpan(0, part.Length)));
        }
    }

    private static void Write(Stream stream, ReadOnlySpan<int> values)
    {
        var chunk = new int[Math.Min(ChunkElements, values.Length)];
        for (var start = 0; start < values.Length; start += chunk.Length)
        {
            var part = values.Slice(start, Math.Min(chunk.Length, values.Length - start));
            BinaryPrimitives.ReverseEndianness(part, chunk);
            stream.Write(MemoryMarshal.AsBytes(chunk.AsSpan(0, part.Length)));
        }
    }
}
