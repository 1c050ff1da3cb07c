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
        for (var start = 0; start < means.Length; start += Block)
        {
            var n = Math.Min(Block, means.Length - start);
            var m = means.Slice(start, n);
            var c = counts.Slice(start, n);
            Validate(m, start);
            rng.NextUInt32(words[..(2 * n)]);
            Invert(m, words, c, width);

            // Inversion marked the pixels it left to PTRS with −λ, which no count can be.
            for (var i = 0; i < n; i++)
            {
                if (c[i] < 0)
                {
                    c[i] = rng.PoissonPtrs(-c[i]);
                }
            }
        }
    }

    private static void Validate(ReadOnlySpan<double> means, int offset)
    {
        for (var i = 0; i < means.Length; i++)
        {
            if (!(means[i] >= 0) || double.IsPositiveInfinity(means[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(means), $"means[{offset + i}] is {means[i]}; a Poisson mean must be finite and not negative");
            }
        }
    }

    private static void Invert(ReadOnlySpan<double> means, ReadOnlySpan<uint> words, Span<double> counts, SimdWidth width)
    {
        var i = 0;
        ref var mean = ref MemoryMarshal.GetReference(means);
        ref var pair = ref Unsafe.As<uint, ulong>(ref MemoryMarshal.GetReference(words));
        ref var count = ref MemoryMarshal.GetReference(counts);
        if (width == SimdWidth.Vector512)
        {
            for (; i <= means.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                Invert512(Vector512.LoadUnsafe(ref mean, (nuint)i), Vector512.LoadUnsafe(ref pair, (nuint)i)).StoreUnsafe(ref count, (nuint)i);
            }
        }

        if (width >= SimdWidth.Vector256)
        {
            for (; i <= means.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                Invert256(Vector256.LoadUnsafe(ref mean, (nuint)i), Vector256.LoadUnsafe(ref pair, (nuint)i)).StoreUnsafe(ref count, (nuint)i);
            }
        }

        for (; i < means.Length; i++)
        {
            counts[i] = InvertOne(means[i], ((ulong)words[2 * i] << 32) | words[(2 * i) + 1]);
        }
    }

    private static double InvertOne(double mean, ulong bits)
    {
        if (mean >= InversionLimit)
        {
            return -mean;
        }

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
    // so every lane's count comes from the same operations as InvertOne.
    private static Vector512<double> Invert512(Vector512<double> mean, Vector512<ulong> pair)
    {
        var u = Vector512.ConvertToDouble(((pair << 32) | (pair >>> 32)) >>> 11) * Vector512.Create(TwoToMinus53);
        var small = Vector512.LessThan(mean, Vector512.Create(InversionLimit));
        var lambda = mean & small;
        var probability = ExpKernel.Exp(-lambda);
        var cumulative = probability;
        var k = Vector512<double>.Zero;
        var active = Vector512.GreaterThanOrEqual(u, cumulative);
        var inverse = InverseCounts;
        for (var step = 1; step <= InversionSteps && active != Vector512<double>.Zero; step++)
        {
            probability *= lambda * Vector512.Create(inverse[step]);
            cumulative += probability;
            k += active & Vector512<double>.One;
            active &= Vector512.GreaterThanOrEqual(u, cumulative);
        }

        return Vector512.ConditionalSelect(small, k, -mean);
    }

    private static Vector256<double> Invert256(Vector256<double> mean, Vector256<ulong> pair)
    {
        var u = Vector256.ConvertToDouble(((pair << 32) | (pair >>> 32)) >>> 11) * Vector256.Create(TwoToMinus53);
        var small = Vector256.LessThan(mean, Vector256.Create(InversionLimit));
        var lambda = mean & small;
        var probability = ExpKernel.Exp(-lambda);
        var cumulative = probability;
        var k = Vector256<double>.Zero;
        var active = Vector256.GreaterThanOrEqual(u, cumulative);
        var inverse = InverseCounts;
        for (var step = 1; step <= InversionSteps && active != Vector256<double>.Zero; step++)
        {
            probability *= lambda * Vector256.Create(inverse[step]);
            cumulative += probability;
            k += active & Vector256<double>.One;
            active &= Vector256.GreaterThanOrEqual(u, cumulative);
        }

        return Vector256.ConditionalSelect(small, k, -mean);
    }
}
