using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Perrin.Core.Randomness;

/// <summary>
/// Poisson counts for a whole span of means, as a camera needs them: each pixel takes one 53-bit uniform from a
/// block drawn in bulk and is inverted by sequential search from e^−λ (<see cref="ExpKernel"/>) when λ is below
/// <see cref="InversionLimit"/>; the pixels above it are drawn by PTRS afterwards, in index order, from the words
/// that follow the block. A pixel's count depends on the stream and the means only, never on the vector width:
/// the search does the same floating-point operations in a vector lane as in scalar code.
/// </summary>
internal static class PoissonBatch
{
    /// <summary>Below this mean the search takes about λ + 1 steps; above it PTRS costs less.</summary>
    public const double InversionLimit = 10;

    /// <summary>Pixels per block of uniforms: the words for a block live on the stack.</summary>
    public const int Block = 256;

    /// <summary>Far beyond any count a mean below <see cref="InversionLimit"/> reaches (P &lt; 10⁻¹⁰⁰).</summary>
    private const int InversionSteps = 200;

    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    // The search multiplies by 1/k instead of dividing by k: each step waits on the previous one, and a
    // multiplication's latency is a fraction of a division's.
    private static readonly double[] InverseCounts = [.. Enumerable.Range(0, InversionSteps + 1).Select(k => k == 0 ? 0.0 : 1.0 / k)];

    public static void Sample(RandomStream rng, ReadOnlySpan<double> means, Span<double> counts, SimdWidth width)
    {
        if (means.Length != counts.Length)
        {
            throw new ArgumentException($"{means.Length} means but room for {counts.Length} counts", nameof(counts));
        }

        if (means.Overlaps(counts, out var shift) && shift != 0)
        {
            throw new ArgumentException("means and counts overlap at different positions; pass the same span to work in place", nameof(counts));
        }

        Span<uint> words = stackalloc uint[2 * Block];
        Span<ulong> left = stackalloc ulong[Block / 64];
        for (var start = 0; start < means.Length; start += Block)
        {
            var n = Math.Min(Block, means.Length - start);
            var m = means.Slice(start, n);
            var c = counts.Slice(start, n);
            rng.NextUInt32(words[..(2 * n)]);
            left.Clear();
            if (!Invert(m, words, c, left, width))
            {
                ThrowForInvalidMean(m, start);
            }

            // The pixels inversion left to PTRS, in index order; their means were copied to the counts, which
            // may be the means' own span.
            for (var w = 0; w < left.Length; w++)
            {
                for (var bits = left[w]; bits != 0; bits &= bits - 1)
                {
                    var i = (64 * w) + BitOperations.TrailingZeroCount(bits);
                    c[i] = rng.PoissonPtrs(c[i]);
                }
            }
        }
    }

    private static void ThrowForInvalidMean(ReadOnlySpan<double> means, int offset)
    {
        for (var i = 0; i < means.Length; i++)
        {
            if (!Valid(means[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(means), $"means[{offset + i}] is {means[i]}; a Poisson mean must be finite and not negative");
            }
        }
    }

    private static bool Valid(double mean) => mean >= 0 && mean < double.PositiveInfinity;

    /// <summary>
    /// Inverts the pixels below <see cref="InversionLimit"/>, copies the mean of every other pixel to its count and
    /// sets its bit in <paramref name="left"/>; false when a mean is negative, NaN or infinite.
    /// </summary>
    private static bool Invert(ReadOnlySpan<double> means, ReadOnlySpan<uint> words, Span<double> counts, Span<ulong> left, SimdWidth width)
    {
        var i = 0;
        var valid = true;
        ref var mean = ref MemoryMarshal.GetReference(means);
        ref var pair = ref Unsafe.As<uint, ulong>(ref MemoryMarshal.GetReference(words));
        ref var count = ref MemoryMarshal.GetReference(counts);
        if (width == SimdWidth.Vector512)
        {
            const int lanes = 8;
            var allValid = Vector512<double>.AllBitsSet;
            var infinity = Vector512.Create(double.PositiveInfinity);
            for (; i <= means.Length - (2 * lanes); i += 2 * lanes)
            {
                var meanA = Vector512.LoadUnsafe(ref mean, (nuint)i);
                var meanB = Vector512.LoadUnsafe(ref mean, (nuint)(i + lanes));
                allValid &= Vector512.GreaterThanOrEqual(meanA, Vector512<double>.Zero) & Vector512.LessThan(meanA, infinity);
                allValid &= Vector512.GreaterThanOrEqual(meanB, Vector512<double>.Zero) & Vector512.LessThan(meanB, infinity);
                var (first, second, large) = Invert512(meanA, meanB, Vector512.LoadUnsafe(ref pair, (nuint)i), Vector512.LoadUnsafe(ref pair, (nuint)(i + lanes)));
                first.StoreUnsafe(ref count, (nuint)i);
                second.StoreUnsafe(ref count, (nuint)(i + lanes));
                left[i / 64] |= (ulong)large << (i % 64);
            }

            valid = allValid.ExtractMostSignificantBits() == 0xFF;
        }

        if (width >= SimdWidth.Vector256)
        {
            const int lanes = 4;
            var allValid = Vector256<double>.AllBitsSet;
            var infinity = Vector256.Create(double.PositiveInfinity);
            for (; i <= means.Length - lanes; i += lanes)
            {
                var m = Vector256.LoadUnsafe(ref mean, (nuint)i);
                allValid &= Vector256.GreaterThanOrEqual(m, Vector256<double>.Zero) & Vector256.LessThan(m, infinity);
                var (k, large) = Invert256(m, Vector256.LoadUnsafe(ref pair, (nuint)i));
                k.StoreUnsafe(ref count, (nuint)i);
                left[i / 64] |= (ulong)large << (i % 64);
            }

            valid &= allValid.ExtractMostSignificantBits() == 0xF;
        }

        for (; i < means.Length; i++)
        {
            valid &= Valid(means[i]);
            if (means[i] < InversionLimit)
            {
                counts[i] = InvertOne(means[i], ((ulong)words[2 * i] << 32) | words[(2 * i) + 1]);
            }
            else
            {
                counts[i] = means[i];
                left[i / 64] |= 1UL << (i % 64);
            }
        }

        return valid;
    }

    private static double InvertOne(double mean, ulong bits)
    {
        var u = (bits >> 11) * TwoToMinus53;
        var probability = ExpKernel.Exp(-mean);
        var cumulative = probability;
        var k = 0;
        var inverse = InverseCounts;
        while (u >= cumulative && k < InversionSteps)
        {
            k++;
            probability *= mean * inverse[k];
            cumulative += probability;
        }

        return k;
    }

    // Lanes stop counting once their uniform falls below the running sum but keep computing with the others,
    // so every lane's count comes from the same operations as InvertOne. Two vectors at once keep both
    // multiply units busy while each waits on its own chain of products.
    private static (Vector512<double> First, Vector512<double> Second, uint Large) Invert512(
        Vector512<double> meanA, Vector512<double> meanB, Vector512<ulong> pairA, Vector512<ulong> pairB)
    {
        var limit = Vector512.Create(InversionLimit);
        var uA = Uniform(pairA);
        var uB = Uniform(pairB);
        var smallA = Vector512.LessThan(meanA, limit);
        var smallB = Vector512.LessThan(meanB, limit);
        var lambdaA = meanA & smallA;
        var lambdaB = meanB & smallB;
        var probabilityA = ExpKernel.Exp(-lambdaA);
        var probabilityB = ExpKernel.Exp(-lambdaB);
        var cumulativeA = probabilityA;
        var cumulativeB = probabilityB;
        var kA = Vector512<double>.Zero;
        var kB = Vector512<double>.Zero;
        var activeA = Vector512.GreaterThanOrEqual(uA, cumulativeA);
        var activeB = Vector512.GreaterThanOrEqual(uB, cumulativeB);
        var inverse = InverseCounts;
        for (var step = 1; step <= InversionSteps && (activeA | activeB).ExtractMostSignificantBits() != 0; step++)
        {
            var factor = Vector512.Create(inverse[step]);
            probabilityA *= lambdaA * factor;
            probabilityB *= lambdaB * factor;
            cumulativeA += probabilityA;
            cumulativeB += probabilityB;
            kA += activeA & Vector512<double>.One;
            kB += activeB & Vector512<double>.One;
            activeA &= Vector512.GreaterThanOrEqual(uA, cumulativeA);
            activeB &= Vector512.GreaterThanOrEqual(uB, cumulativeB);
        }

        return (Vector512.ConditionalSelect(smallA, kA, meanA), Vector512.ConditionalSelect(smallB, kB, meanB), ~(uint)(smallA.ExtractMostSignificantBits() | (smallB.ExtractMostSignificantBits() << 8)) & 0xFFFF);
    }

    // The words of a pair sit low word first in memory, the uniform takes the first word as its high half.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Uniform(Vector512<ulong> pair) =>
        Vector512.ConvertToDouble(((pair << 32) | (pair >>> 32)) >>> 11) * Vector512.Create(TwoToMinus53);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Uniform(Vector256<ulong> pair) =>
        Vector256.ConvertToDouble(((pair << 32) | (pair >>> 32)) >>> 11) * Vector256.Create(TwoToMinus53);

    private static (Vector256<double> Counts, uint Large) Invert256(Vector256<double> mean, Vector256<ulong> pair)
    {
        var u = Uniform(pair);
        var small = Vector256.LessThan(mean, Vector256.Create(InversionLimit));
        var lambda = mean & small;
        var probability = ExpKernel.Exp(-lambda);
        var cumulative = probability;
        var k = Vector256<double>.Zero;
        var active = Vector256.GreaterThanOrEqual(u, cumulative);
        var inverse = InverseCounts;
        for (var step = 1; step <= InversionSteps && active.ExtractMostSignificantBits() != 0; step++)
        {
            probability *= lambda * Vector256.Create(inverse[step]);
            cumulative += probability;
            k += active & Vector256<double>.One;
            active &= Vector256.GreaterThanOrEqual(u, cumulative);
        }

        return (Vector256.ConditionalSelect(small, k, mean), ~small.ExtractMostSignificantBits() & 0xF);
    }
}
