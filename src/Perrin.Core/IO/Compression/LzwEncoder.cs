using System.Buffers;

namespace Perrin.Core.IO.Compression;

/// <summary>The TIFF LZW compressor; the string table is an open-addressing hash of (prefix code, byte) pairs.</summary>
internal static class LzwEncoder
{
    // Clearing when the next free code reaches 4094 keeps every stream decodable by readers that reject
    // codes 4094 and 4095, as libtiff's own encoder does.
    private const int ClearAt = TiffLzw.TableSize - 2;

    private const int HashBits = 13;
    private const int HashSize = 1 << HashBits;
    private const int Empty = -1;

    public static void Encode(ReadOnlySpan<byte> source, IBufferWriter<byte> destination)
    {
        var keys = ArrayPool<int>.Shared.Rent(HashSize);
        var codes = ArrayPool<short>.Shared.Rent(HashSize);
        try
        {
            Encode(source, destination, keys.AsSpan(0, HashSize), codes.AsSpan(0, HashSize));
        }
        finally
        {
            ArrayPool<short>.Shared.Return(codes);
            ArrayPool<int>.Shared.Return(keys);
        }
    }

    private static void Encode(ReadOnlySpan<byte> source, IBufferWriter<byte> destination, Span<int> keys, Span<short> codes)
    {
        var writer = new LzwBitWriter(destination);
        writer.Write(TiffLzw.ClearCode, TiffLzw.MinWidth);
        keys.Fill(Empty);
        var next = TiffLzw.FirstFreeCode;
        var width = TiffLzw.MinWidth;

        if (!source.IsEmpty)
        {
            int prefix = source[0];
            for (var i = 1; i < source.Length; i++)
            {
                var value = source[i];
                var key = (prefix << 8) | value;
                var slot = Slot(key);
                while (keys[slot] != Empty && keys[slot] != key)
                {
                    slot = (slot + 1) & (HashSize - 1);
                }

                if (keys[slot] == key)
                {
                    prefix = codes[slot];
                    continue;
                }

                writer.Write(prefix, width);
                keys[slot] = key;
                codes[slot] = (short)next;
                next++;
                if (next == ClearAt)
                {
                    writer.Write(TiffLzw.ClearCode, width);
                    keys.Fill(Empty);
                    next = TiffLzw.FirstFreeCode;
                    width = TiffLzw.MinWidth;
                }
                else
                {
                    width = WidthFor(next);
                }

                prefix = value;
            }

            writer.Write(prefix, width);

            // The decoder adds a table entry on reading that last code, so EndOfInformation takes the width
            // that entry leads to.
            width = WidthFor(next + 1);
        }

        writer.Write(TiffLzw.EndOfInformation, width);
        writer.Finish();
    }

    // The encoder is one entry ahead of the decoder, so its width grows at 512, 1024 and 2048.
    private static int WidthFor(int next) => next <= 511 ? 9 : next <= 1023 ? 10 : next <= 2047 ? 11 : 12;

    private static int Slot(int key) => (int)((uint)(key * -1640531535) >> (32 - HashBits));
}
