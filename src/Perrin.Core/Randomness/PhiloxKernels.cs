using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Core.Randomness;

/// <summary>
/// Philox4x32-10 on many blocks at once: lane b of the four word vectors is block b, the rounds run on whole
/// vectors, and a transpose writes the blocks out in the same order as one block at a time.
/// </summary>
internal static class PhiloxKernels
{
    private const uint M0 = 0xD2511F53;
    private const uint M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9;
    private const uint W1 = 0xBB67AE85;

    // vpshufd controls: words (1, 1, 3, 3) of each group of four, and words (0, 0, 2, 2).
    private const byte OddDown = 0b11_11_01_01;
    private const byte EvenUp = 0b10_10_00_00;

    /// <summary>Sixteen blocks of counters counter … counter + 15 (64-bit low half) into 64 words.</summary>
    public static void Fill16(ulong counter, uint c2, uint c3, uint k0, uint k1, Span<uint> output)
    {
        var x0 = Vector512.Create((uint)counter) + Vector512<uint>.Indices;
        var x1 = Vector512.Create((uint)(counter >> 32)) + Carries(counter, 16);
        var x2 = Vector512.Create(c2);
        var x3 = Vector512.Create(c3);
        var m0 = Vector512.Create(M0);
        var m1 = Vector512.Create(M1);
        for (var round = 0; round < 10; round++)
        {
            var key0 = Vector512.Create(k0 + (uint)(round * W0));
            var key1 = Vector512.Create(k1 + (uint)(round * W1));
            var (high0, low0) = Multiply(x0, m0);
            var (high1, low1) = Multiply(x2, m1);
            x0 = high1 ^ x1 ^ key0;
            x2 = high0 ^ x3 ^ key1;
            x1 = low1;
            x3 = low0;
        }

        var t0 = Avx512F.UnpackLow(x0, x1).AsUInt64();
        var t1 = Avx512F.UnpackHigh(x0, x1).AsUInt64();
        var t2 = Avx512F.UnpackLow(x2, x3).AsUInt64();
        var t3 = Avx512F.UnpackHigh(x2, x3).AsUInt64();

        // Lane group g of u_j now holds block 4g + j whole; two 128-bit shuffles gather blocks 4g … 4g + 3.
        var u0 = Avx512F.UnpackLow(t0, t2).AsUInt32();
        var u1 = Avx512F.UnpackHigh(t0, t2).AsUInt32();
        var u2 = Avx512F.UnpackLow(t1, t3).AsUInt32();
        var u3 = Avx512F.UnpackHigh(t1, t3).AsUInt32();
        const byte even = 0b10_00_10_00;
        const byte odd = 0b11_01_11_01;
        var a = Avx512F.Shuffle4x128(u0, u1, even);
        var b = Avx512F.Shuffle4x128(u2, u3, even);
        var c = Avx512F.Shuffle4x128(u0, u1, odd);
        var d = Avx512F.Shuffle4x128(u2, u3, odd);
        ref var start = ref output[0];
        _ = output[63];
        Avx512F.Shuffle4x128(a, b, even).StoreUnsafe(ref start, 0);
        Avx512F.Shuffle4x128(c, d, even).StoreUnsafe(ref start, 16);
        Avx512F.Shuffle4x128(a, b, odd).StoreUnsafe(ref start, 32);
        Avx512F.Shuffle4x128(c, d, odd).StoreUnsafe(ref start, 48);
    }

    /// <summary>Eight blocks of counters counter … counter + 7 into 32 words.</summary>
    public static void Fill8(ulong counter, uint c2, uint c3, uint k0, uint k1, Span<uint> output)
    {
        var x0 = Vector256.Create((uint)counter) + Vector256<uint>.Indices;
        var x1 = Vector256.Create((uint)(counter >> 32)) + Carries(counter, 8).GetLower();
        var x2 = Vector256.Create(c2);
        var x3 = Vector256.Create(c3);
        var m0 = Vector256.Create(M0);
        var m1 = Vector256.Create(M1);
        for (var round = 0; round < 10; round++)
        {
            var key0 = Vector256.Create(k0 + (uint)(round * W0));
            var key1 = Vector256.Create(k1 + (uint)(round * W1));
            var (high0, low0) = Multiply(x0, m0);
            var (high1, low1) = Multiply(x2, m1);
            x0 = high1 ^ x1 ^ key0;
            x2 = high0 ^ x3 ^ key1;
            x1 = low1;
            x3 = low0;
        }

        var t0 = Avx2.UnpackLow(x0, x1).AsUInt64();
        var t1 = Avx2.UnpackHigh(x0, x1).AsUInt64();
        var t2 = Avx2.UnpackLow(x2, x3).AsUInt64();
        var t3 = Avx2.UnpackHigh(x2, x3).AsUInt64();

        // The low half of u_j holds block j, the high half block 4 + j.
        var u0 = Avx2.UnpackLow(t0, t2).AsUInt32();
        var u1 = Avx2.UnpackHigh(t0, t2).AsUInt32();
        var u2 = Avx2.UnpackLow(t1, t3).AsUInt32();
        var u3 = Avx2.UnpackHigh(t1, t3).AsUInt32();
        ref var start = ref output[0];
        _ = output[31];
        Avx2.Permute2x128(u0, u1, 0x20).StoreUnsafe(ref start, 0);
        Avx2.Permute2x128(u2, u3, 0x20).StoreUnsafe(ref start, 8);
        Avx2.Permute2x128(u0, u1, 0x31).StoreUnsafe(ref start, 16);
        Avx2.Permute2x128(u2, u3, 0x31).StoreUnsafe(ref start, 24);
    }

    // Both halves of the 64-bit products come from the even-lane multiply (vpmuludq) on the words as they are
    // and on the odd words shuffled down; shuffles and blends put the halves back in lane order. This keeps the
    // work off the slow 32-bit low multiply and spreads it over the shuffle and multiply ports.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector512<uint> High, Vector512<uint> Low) Multiply(Vector512<uint> x, Vector512<uint> m)
    {
        var even = Avx512F.Multiply(x, m).AsUInt32();
        var odd = Avx512F.Multiply(Avx512F.Shuffle(x, OddDown), m).AsUInt32();
        var oddLanes = Vector512.Create(0xFFFFFFFF_00000000UL).AsUInt32();
        return (Vector512.ConditionalSelect(oddLanes, odd, Avx512F.Shuffle(even, OddDown)), Vector512.ConditionalSelect(oddLanes, Avx512F.Shuffle(odd, EvenUp), even));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<uint> High, Vector256<uint> Low) Multiply(Vector256<uint> x, Vector256<uint> m)
    {
        var even = Avx2.Multiply(x, m).AsUInt32();
        var odd = Avx2.Multiply(Avx2.Shuffle(x, OddDown), m).AsUInt32();
        return (Avx2.Blend(Avx2.Shuffle(even, OddDown), odd, 0b1010_1010), Avx2.Blend(even, Avx2.Shuffle(odd, EvenUp), 0b1010_1010));
    }

    // Lane b adds b to the low word of the counter; where that wraps, the high word takes the carry.
    private static Vector512<uint> Carries(ulong counter, int lanes)
    {
        var low = (uint)counter;
        if (low <= uint.MaxValue - (uint)(lanes - 1))
        {
            return Vector512<uint>.Zero;
        }

        Span<uint> carries = stackalloc uint[16];
        for (var b = 0; b < lanes; b++)
        {
            carries[b] = low + (uint)b < low ? 1u : 0u;
        }

        return Vector512.Create<uint>(carries);
    }
}
