using System.Runtime.CompilerServices;

namespace Perrin.Core.Randomness;

/// <summary>
/// The Philox4x32-10 counter-based generator (Salmon et al., SC'11): a keyed bijection of a 128-bit counter.
/// Any block can be computed directly from (key, counter), which is what makes sample k of seed s the same
/// on any number of threads in any order.
/// </summary>
public static class Philox4x32
{
    private const uint M0 = 0xD2511F53;
    private const uint M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9;
    private const uint W1 = 0xBB67AE85;

    public static (uint, uint, uint, uint) Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        Span<uint> words = stackalloc uint[4];
        Fill(c0, c1, c2, c3, k0, k1, words);
        return (words[0], words[1], words[2], words[3]);
    }

    /// <summary>Writes the block for counter (c0, c1, c2, c3) and key (k0, k1) into four words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Fill(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, Span<uint> output)
    {
        Round(ref c0, ref c1, ref c2, ref c3, k0, k1);
        for (var round = 1; round < 10; round++)
        {
            k0 += W0;
            k1 += W1;
            Round(ref c0, ref c1, ref c2, ref c3, k0, k1);
        }

        output[3] = c3;
        output[2] = c2;
        output[1] = c1;
        output[0] = c0;
    }

    /// <summary>
    /// Writes output.Length / 4 consecutive blocks: block b has the 64-bit counter <paramref name="counter"/> + b in
    /// its first two words (low word first) and (c2, c3) in the others. The same words as <see cref="Fill"/> one
    /// block at a time, computed on as many blocks at once as the processor's vectors hold.
    /// </summary>
    /// <exception cref="ArgumentException">The output length is not a multiple of 4.</exception>
    public static void FillBlocks(ulong counter, uint c2, uint c3, uint k0, uint k1, Span<uint> output) =>
        FillBlocks(counter, c2, c3, k0, k1, output, SimdSupport.Widest);

    internal static void FillBlocks(ulong counter, uint c2, uint c3, uint k0, uint k1, Span<uint> output, SimdWidth width)
    {
        if (output.Length % 4 != 0)
        {
            throw new ArgumentException($"Philox blocks are 4 words; {output.Length} words is not a whole number of blocks", nameof(output));
        }

        var at = 0;
        if (width == SimdWidth.Vector512)
        {
            for (; at <= output.Length - 64; at += 64, counter += 16)
            {
                PhiloxKernels.Fill16(counter, c2, c3, k0, k1, output.Slice(at, 64));
            }
        }

        if (width >= SimdWidth.Vector256)
        {
            for (; at <= output.Length - 32; at += 32, counter += 8)
            {
                PhiloxKernels.Fill8(counter, c2, c3, k0, k1, output.Slice(at, 32));
            }
        }

        for (; at < output.Length; at += 4, counter++)
        {
            Fill((uint)counter, (uint)(counter >> 32), c2, c3, k0, k1, output.Slice(at, 4));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref uint c0, ref uint c1, ref uint c2, ref uint c3, uint k0, uint k1)
    {
        var p0 = (ulong)M0 * c0;
        var p1 = (ulong)M1 * c2;
        var n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
        var n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
        c1 = (uint)p1;
        c3 = (uint)p0;
        c0 = n0;
        c2 = n2;
    }
}
