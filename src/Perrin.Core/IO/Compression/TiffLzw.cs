using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Perrin.Core.IO.Compression;

/// <summary>
/// LZW as TIFF 6.0 defines it (compression 5): codes packed most significant bit first, 9 to 12 bits wide,
/// ClearCode 256, EndOfInformation 257, and the code width grows one code early (at 511, 1023 and 2047).
/// </summary>
public static class TiffLzw
{
    internal const int ClearCode = 256;
    internal const int EndOfInformation = 257;
    internal const int FirstFreeCode = 258;
    internal const int MinWidth = 9;
    internal const int MaxWidth = 12;
    internal const int TableSize = 1 << MaxWidth;

    /// <summary>
    /// Decodes until EndOfInformation, the end of <paramref name="source"/>, or a full
    /// <paramref name="destination"/>, whichever comes first. Returns the number of bytes produced.
    /// </summary>
    /// <exception cref="InvalidDataException">A code refers to a table entry that does not exist yet.</exception>
    [SkipLocalsInit]
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        // Every entry is a string that was already written to the destination, so it is stored as the place
        // where it was written (low half) and its length (high half): decoding a code is then one copy.
        Span<ulong> table = stackalloc ulong[TableSize];
        ref var entries = ref MemoryMarshal.GetReference(table);
        ref var output = ref MemoryMarshal.GetReference(destination);
        var reader = new LzwBitReader(source);

        var d = 0;
        var next = FirstFreeCode;
        var width = MinWidth;
        var previousCode = -1;
        var previousOffset = 0;
        var previousLength = 0;

        while (d < destination.Length)
        {
            if (!reader.TryRead(width, out var code))
            {
                return d;
            }

            if (code == ClearCode)
            {
                next = FirstFreeCode;
                width = MinWidth;
                previousCode = -1;
                continue;
            }

            if (code == EndOfInformation)
            {
                return d;
            }

            var offset = d;
            int length;
            if (code < ClearCode)
            {
                Unsafe.Add(ref output, d) = (byte)code;
                length = 1;
            }
            else if (code < next && previousCode >= 0)
            {
                var entry = Unsafe.Add(ref entries, code);
                length = (int)(entry >> 32);
                var from = (int)(uint)entry;
                if (length > destination.Length - d)
                {
                    destination.Slice(from, destination.Length - d).CopyTo(destination[d..]);
                    return destination.Length;
                }

                CopyEarlier(destination, from, d, length);
            }
            else if (code == next && previousCode >= 0)
            {
                // The code being defined by this very step: the previous string followed by its own first byte.
                length = previousLength + 1;
                var room = Math.Min(length, destination.Length - d);
                for (var i = 0; i < room; i++)
                {
                    destination[d + i] = destination[previousOffset + i];
                }

                if (room < length)
                {
                    return destination.Length;
                }
            }
            else
            {
                throw new InvalidDataException(
                    $"LZW code {code} at byte {reader.LastCodeByte(width)} is not in the table (next free code {(previousCode < 0 ? FirstFreeCode : next)})");
            }

            d += length;
            if (previousCode >= 0 && next < TableSize)
            {
                Unsafe.Add(ref entries, next) = ((ulong)(uint)(previousLength + 1) << 32) | (uint)previousOffset;
                next++;
                width = Math.Min(MaxWidth, BitOperations.Log2((uint)next + 1) + 1);
            }

            previousCode = code;
            previousOffset = offset;
            previousLength = length;
        }

        return d;
    }

    /// <summary>
    /// Appends the LZW coding of <paramref name="source"/>: ClearCode first, a new ClearCode before the table
    /// holds 4094 entries, and EndOfInformation last.
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> source, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        LzwEncoder.Encode(source, destination);
    }

    /// <summary>Copies a string that ends at or before <paramref name="to"/> and fits in <paramref name="buffer"/> there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyEarlier(Span<byte> buffer, int from, int to, int length)
    {
        // Most strings are a few bytes long. Loading whole words before storing any is safe even where the words
        // reach past the string into the bytes being written, and beats a block copy as long as there is room.
        ref var start = ref MemoryMarshal.GetReference(buffer);
        var room = buffer.Length - to;
        if (length <= sizeof(ulong) && room >= sizeof(ulong))
        {
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, from));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, to), word);
        }
        else if (length <= 2 * sizeof(ulong) && room >= 2 * sizeof(ulong))
        {
            var low = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, from));
            var high = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, from + sizeof(ulong)));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, to), low);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, to + sizeof(ulong)), high);
        }
        else
        {
            buffer.Slice(from, length).CopyTo(buffer[to..]);
        }
    }
}
