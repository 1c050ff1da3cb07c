using System.Buffers;

namespace Perrin.Core.IO.Compression;

/// <summary>
/// Apple PackBits run-length coding (TIFF compression 32773). A header byte n in 0..127 is followed by n+1
/// literal bytes, n in -127..-1 by one byte repeated 1-n times, and -128 is skipped.
/// </summary>
public static class PackBits
{
    private const int MaxRecord = 128;

    /// <summary>
    /// Decodes until <paramref name="source"/> ends or <paramref name="destination"/> is full; a run that would
    /// overflow the destination is cut at its end. Returns the number of bytes produced.
    /// </summary>
    /// <exception cref="InvalidDataException">A record is cut off by the end of the source.</exception>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var s = 0;
        var d = 0;
        while (s < source.Length && d < destination.Length)
        {
            var header = s;
            int n = (sbyte)source[s++];
            if (n >= 0)
            {
                var count = n + 1;
                if (count > source.Length - s)
                {
                    throw new InvalidDataException(
                        $"PackBits literal record at byte {header} needs {count} bytes but only {source.Length - s} remain");
                }

                var take = Math.Min(count, destination.Length - d);
                source.Slice(s, take).CopyTo(destination[d..]);
                s += count;
                d += take;
            }
            else if (n != -128)
            {
                if (s >= source.Length)
                {
                    throw new InvalidDataException($"PackBits repeat record at byte {header} has no byte to repeat");
                }

                var take = Math.Min(1 - n, destination.Length - d);
                destination.Slice(d, take).Fill(source[s++]);
                d += take;
            }
        }

        return d;
    }

    /// <summary>
    /// Appends the PackBits coding of <paramref name="source"/>. TIFF asks for each row to be packed on its own,
    /// so callers pass one row at a time. Runs of three or more equal bytes become repeat records.
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> source, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var i = 0;
        var literalStart = 0;
        while (i < source.Length)
        {
            var run = RunLength(source, i);
            if (run >= 3)
            {
                WriteLiterals(source[literalStart..i], destination);
                var repeat = destination.GetSpan(2);
                repeat[0] = (byte)(sbyte)(1 - run);
                repeat[1] = source[i];
                destination.Advance(2);
                i += run;
                literalStart = i;
            }
            else
            {
                i += run;
            }
        }

        WriteLiterals(source[literalStart..], destination);
    }

    private static int RunLength(ReadOnlySpan<byte> source, int start)
    {
        var limit = Math.Min(source.Length, start + MaxRecord);
        var value = source[start];
        var end = start + 1;
        while (end < limit && source[end] == value)
        {
            end++;
        }

        return end - start;
    }

    private static void WriteLiterals(ReadOnlySpan<byte> literals, IBufferWriter<byte> destination)
    {
        while (!literals.IsEmpty)
        {
            var count = Math.Min(literals.Length, MaxRecord);
            var record = destination.GetSpan(count + 1);
            record[0] = (byte)(count - 1);
            literals[..count].CopyTo(record[1..]);
            destination.Advance(count + 1);
            literals = literals[count..];
        }
    }
}
