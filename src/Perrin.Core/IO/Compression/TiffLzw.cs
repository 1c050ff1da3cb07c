using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

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
        // where it was written and its length: decoding a code is then one copy with no per-code allocation.
        Span<int> offsets = stackalloc int[TableSize];
        Span<int> lengths = stackalloc int[TableSize];

        var s = 0;
        ulong bits = 0;
        var bitCount = 0;
        var d = 0;
        var next = FirstFreeCode;
        var width = MinWidth;
        var previousCode = -1;
        var previousOffset = 0;
        var previousLength = 0;

        while (d < destination.Length)
        {
            if (bitCount < width)
            {
                if (source.Length - s >= sizeof(ulong))
                {
                    // Bits of the bytes beyond the whole ones taken are ORed again, with the same values, next time.
                    bits |= BinaryPrimitives.ReadUInt64BigEndian(source[s..]) >> bitCount;
                    var taken = (63 - bitCount) >> 3;
                    s += taken;
                    bitCount += taken << 3;
                }
                else
                {
                    while (bitCount <= 56 && s < source.Length)
                    {
                        bits |= (ulong)source[s++] << (56 - bitCount);
                        bitCount += 8;
                    }

                    if (bitCount < width)
                    {
                        return d;
                    }
                }
            }

            var code = (int)(bits >> (64 - width));
            bits <<= width;
            bitCount -= width;

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
                destination[d] = (byte)code;
                length = 1;
            }
            else if (code < next && previousCode >= 0)
            {
                length = lengths[code];
                if (length > destination.Length - d)
                {
                    destination.Slice(offsets[code], destination.Length - d).CopyTo(destination[d..]);
                    return destination.Length;
                }

                CopyEarlier(destination, offsets[code], d, length);
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
                var at = ((s << 3) - bitCount - width) >> 3;
                throw new InvalidDataException(
                    $"LZW code {code} at byte {at} is not in the table (next free code {(previousCode < 0 ? FirstFreeCode : next)})");
            }

            d += length;
            if (previousCode >= 0 && next < TableSize)
            {
                offsets[next] = previousOffset;
                lengths[next] = previousLength + 1;
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

    private static void CopyEarlier(Span<byte> buffer, int from, int to, int length)
    {
        // Most strings are a few bytes long, where a plain loop beats the setup of a block copy.
        if (length <= 16)
        {
            for (var i = 0; i < length; i++)
            {
                buffer[to + i] = buffer[from + i];
            }
        }
        else
        {
            buffer.Slice(from, length).CopyTo(buffer[to..]);
        }
    }
}
