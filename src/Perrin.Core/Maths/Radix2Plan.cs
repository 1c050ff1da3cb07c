using System.Numerics;

namespace Perrin.Core.Maths;

/// <summary>Iterative decimation-in-time radix-2 transform for power-of-two lengths.</summary>
internal sealed class Radix2Plan : IFftPlan
{
    private readonly int[] _swapPairs;

    // Stage with half-length h reads its twiddles at [h, 2h): contiguous per stage, so inner loops stream memory.
    private readonly Complex[] _twiddles;

    public Radix2Plan(int length)
    {
        if (length < 1 || !BitOperations.IsPow2(length))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The length must be a power of two.");
        }

        Length = length;
        _twiddles = new Complex[Math.Max(length, 1)];
        for (int half = 1; half < length; half <<= 1)
        {
            for (int j = 0; j < half; j++)
            {
                double angle = -Math.PI * j / half;
                _twiddles[half + j] = new Complex(Math.Cos(angle), Math.Sin(angle));
            }
        }

        _swapPairs = BuildSwapPairs(length);
    }

    public int Length { get; }

    public void Transform(Span<Complex> data, bool inverse)
    {
        if (data.Length != Length)
        {
            throw new ArgumentException($"Expected {Length} samples, got {data.Length}.", nameof(data));
        }

        int[] pairs = _swapPairs;
        for (int i = 0; i < pairs.Length; i += 2)
        {
            (data[pairs[i]], data[pairs[i + 1]]) = (data[pairs[i + 1]], data[pairs[i]]);
        }

        if (Length >= 2)
        {
            for (int i = 0; i < Length; i += 2)
            {
                Complex a = data[i];
                Complex b = data[i + 1];
                data[i] = a + b;
                data[i + 1] = a - b;
            }
        }

        Complex[] twiddles = _twiddles;
        for (int half = 2; half < Length; half <<= 1)
        {
            ReadOnlySpan<Complex> stage = twiddles.AsSpan(half, half);
            for (int start = 0; start < Length; start += 2 * half)
            {
                Span<Complex> lower = data.Slice(start, half);
                Span<Complex> upper = data.Slice(start + half, half);
                for (int j = 0; j < half; j++)
                {
                    Complex w = stage[j];
                    Complex u = upper[j];
                    double wi = inverse ? -w.Imaginary : w.Imaginary;
                    var t = new Complex((w.Real * u.Real) - (wi * u.Imaginary), (w.Real * u.Imaginary) + (wi * u.Real));
                    Complex l = lower[j];
                    lower[j] = l + t;
                    upper[j] = l - t;
                }
            }
        }
    }

    private static int[] BuildSwapPairs(int length)
    {
        int bits = BitOperations.Log2((uint)length);
        var pairs = new List<int>();
        for (int i = 0; i < length; i++)
        {
            int reversed = bits == 0 ? 0 : (int)(ReverseBits((uint)i) >> (32 - bits));
            if (reversed > i)
            {
                pairs.Add(i);
                pairs.Add(reversed);
            }
        }

        return pairs.ToArray();
    }

    private static uint ReverseBits(uint value)
    {
        value = ((value >> 1) & 0x55555555u) | ((value & 0x55555555u) << 1);
        value = ((value >> 2) & 0x33333333u) | ((value & 0x33333333u) << 2);
        value = ((value >> 4) & 0x0F0F0F0Fu) | ((value & 0x0F0F0F0Fu) << 4);
        value = ((value >> 8) & 0x00FF00FFu) | ((value & 0x00FF00FFu) << 8);
        return (value >> 16) | (value << 16);
    }
}
