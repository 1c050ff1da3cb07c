using System.Buffers;
using System.Numerics;

namespace Perrin.Core.Maths;

/// <summary>
/// Stockham autosort transform for lengths whose only prime factors are 2, 3 and 5 (radix-4, 2, 3 and 5 stages).
/// A stage of radix p splits a sub-transform of length L into p of length L/p: it reads x[q + s(j + r·L/p)],
/// takes the p-point DFT over r, multiplies output k by ω_L^{jk} and writes it to y[q + s(p·j + k)]; ping-ponging
/// between two buffers leaves the result in natural order without a digit-reversal pass.
/// </summary>
internal sealed class MixedRadixPlan : IFftPlan
{
    private static readonly double Sin60 = Math.Sqrt(3) / 2;
    private static readonly double Cos72 = Math.Cos(2 * Math.PI / 5);
    private static readonly double Cos144 = Math.Cos(4 * Math.PI / 5);
    private static readonly double Sin72 = Math.Sin(2 * Math.PI / 5);
    private static readonly double Sin144 = Math.Sin(4 * Math.PI / 5);

    private readonly int[] _radices;

    // Per stage: ω_L^{jk} for j < L/p and 1 ≤ k < p at [offset + j·(p − 1) + k − 1], forward sign.
    private readonly Complex[] _twiddles;
    private readonly int[] _twiddleOffsets;

    public MixedRadixPlan(int length)
    {
        if (!Supports(length))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The length must be at least 2 and have no prime factors other than 2, 3 and 5.");
        }

        Length = length;
        _radices = Factor(length);
        _twiddleOffsets = new int[_radices.Length];
        var twiddles = new List<Complex>();
        int sub = length;
        for (int stage = 0; stage < _radices.Length; stage++)
        {
            int p = _radices[stage];
            int m = sub / p;
            _twiddleOffsets[stage] = twiddles.Count;
            for (int j = 0; j < m; j++)
            {
                for (int k = 1; k < p; k++)
                {
                    // j·k < L, so the angle stays within one turn and accurate.
                    double angle = -2 * Math.PI * ((long)j * k) / sub;
                    twiddles.Add(new Complex(Math.Cos(angle), Math.Sin(angle)));
                }
            }

            sub = m;
        }

        _twiddles = [.. twiddles];
    }

    public int Length { get; }

    /// <summary>Whether the length factors into 2, 3 and 5 only (and is at least 2).</summary>
    public static bool Supports(int length)
    {
        if (length < 2)
        {
            return false;
        }

        foreach (int p in (ReadOnlySpan<int>)[2, 3, 5])
        {
            while (length % p == 0)
            {
                length /= p;
            }
        }

        return length == 1;
    }

    public void Transform(Span<Complex> data, bool inverse)
    {
        if (data.Length != Length)
        {
            throw new ArgumentException($"Expected {Length} samples, got {data.Length}.", nameof(data));
        }

        Complex[] rented = ArrayPool<Complex>.Shared.Rent(Length);
        try
        {
            Span<Complex> x = data;
            Span<Complex> y = rented.AsSpan(0, Length);
            double sign = inverse ? -1 : 1;
            int sub = Length;
            int stride = 1;
            for (int stage = 0; stage < _radices.Length; stage++)
            {
                int p = _radices[stage];
                int m = sub / p;
                ReadOnlySpan<Complex> w = _twiddles.AsSpan(_twiddleOffsets[stage], m * (p - 1));
                switch (p)
                {
                    case 4:
                        Radix4(x, y, m, stride, w, sign);
                        break;
                    case 2:
                        Radix2(x, y, m, stride, w, sign);
                        break;
                    case 3:
                        Radix3(x, y, m, stride, w, sign);
                        break;
                    default:
                        Radix5(x, y, m, stride, w, sign);
                        break;
                }

                Span<Complex> swap = x;
                x = y;
                y = swap;
                sub = m;
                stride *= p;
            }

            if (_radices.Length % 2 == 1)
            {
                x.CopyTo(data);
            }
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(rented);
        }
    }

    private static int[] Factor(int length)
    {
        var radices = new List<int>();
        foreach (int p in (ReadOnlySpan<int>)[4, 2, 3, 5])
        {
            while (length % p == 0)
            {
                radices.Add(p);
                length /= p;
            }
        }

        return [.. radices];
    }

    // Twiddle ω^{jk} with the exponent's sign flipped for the inverse: the conjugate.
    private static Complex Twiddle(ReadOnlySpan<Complex> w, int index, double sign) => new(w[index].Real, sign * w[index].Imaginary);

    private static void Radix2(Span<Complex> x, Span<Complex> y, int m, int s, ReadOnlySpan<Complex> w, double sign)
    {
        for (int j = 0; j < m; j++)
        {
            Complex w1 = Twiddle(w, j, sign);
            for (int q = 0; q < s; q++)
            {
                Complex a = x[q + (s * j)];
                Complex b = x[q + (s * (j + m))];
                y[q + (s * 2 * j)] = a + b;
                y[q + (s * ((2 * j) + 1))] = (a - b) * w1;
            }
        }
    }

    private static void Radix3(Span<Complex> x, Span<Complex> y, int m, int s, ReadOnlySpan<Complex> w, double sign)
    {
        double h = -sign * Sin60;
        for (int j = 0; j < m; j++)
        {
            Complex w1 = Twiddle(w, 2 * j, sign);
            Complex w2 = Twiddle(w, (2 * j) + 1, sign);
            for (int q = 0; q < s; q++)
            {
                Complex a0 = x[q + (s * j)];
                Complex a1 = x[q + (s * (j + m))];
                Complex a2 = x[q + (s * (j + (2 * m)))];
                Complex sum = a1 + a2;
                Complex diff = a1 - a2;
                Complex mid = a0 - (0.5 * sum);
                // ±i·(√3/2)·(a1 − a2): the sine part of ω₃ = −1/2 ∓ i√3/2.
                var rot = new Complex(-h * diff.Imaginary, h * diff.Real);
                int o = q + (s * 3 * j);
                y[o] = a0 + sum;
                y[o + s] = (mid + rot) * w1;
                y[o + (2 * s)] = (mid - rot) * w2;
            }
        }
    }

    private static void Radix4(Span<Complex> x, Span<Complex> y, int m, int s, ReadOnlySpan<Complex> w, double sign)
    {
        for (int j = 0; j < m; j++)
        {
            Complex w1 = Twiddle(w, 3 * j, sign);
            Complex w2 = Twiddle(w, (3 * j) + 1, sign);
            Complex w3 = Twiddle(w, (3 * j) + 2, sign);
            for (int q = 0; q < s; q++)
            {
                Complex a0 = x[q + (s * j)];
                Complex a1 = x[q + (s * (j + m))];
                Complex a2 = x[q + (s * (j + (2 * m)))];
                Complex a3 = x[q + (s * (j + (3 * m)))];
                Complex t0 = a0 + a2;
                Complex t1 = a0 - a2;
                Complex t2 = a1 + a3;
                Complex d = a1 - a3;
                // −i·d forward (ω₄ = −i), +i·d inverse.
                var t3 = new Complex(sign * d.Imaginary, -sign * d.Real);
                int o = q + (s * 4 * j);
                y[o] = t0 + t2;
                y[o + s] = (t1 + t3) * w1;
                y[o + (2 * s)] = (t0 - t2) * w2;
                y[o + (3 * s)] = (t1 - t3) * w3;
            }
        }
    }

    private static void Radix5(Span<Complex> x, Span<Complex> y, int m, int s, ReadOnlySpan<Complex> w, double sign)
    {
        double s1 = -sign * Sin72;
        double s2 = -sign * Sin144;
        for (int j = 0; j < m; j++)
        {
            Complex w1 = Twiddle(w, 4 * j, sign);
            Complex w2 = Twiddle(w, (4 * j) + 1, sign);
            Complex w3 = Twiddle(w, (4 * j) + 2, sign);
            Complex w4 = Twiddle(w, (4 * j) + 3, sign);
            for (int q = 0; q < s; q++)
            {
                Complex a0 = x[q + (s * j)];
                Complex a1 = x[q + (s * (j + m))];
                Complex a2 = x[q + (s * (j + (2 * m)))];
                Complex a3 = x[q + (s * (j + (3 * m)))];
                Complex a4 = x[q + (s * (j + (4 * m)))];
                Complex b1 = a1 + a4;
                Complex b2 = a2 + a3;
                Complex c1 = a1 - a4;
                Complex c2 = a2 - a3;
                Complex r1 = a0 + (Cos72 * b1) + (Cos144 * b2);
                Complex r2 = a0 + (Cos144 * b1) + (Cos72 * b2);
                // i·(s1·c1 + s2·c2) and i·(s2·c1 − s1·c2): the sine parts of ω₅^k.
                Complex i1 = (s1 * c1) + (s2 * c2);
                Complex i2 = (s2 * c1) - (s1 * c2);
                var j1 = new Complex(-i1.Imaginary, i1.Real);
                var j2 = new Complex(-i2.Imaginary, i2.Real);
                int o = q + (s * 5 * j);
                y[o] = a0 + b1 + b2;
                y[o + s] = (r1 + j1) * w1;
                y[o + (2 * s)] = (r2 + j2) * w2;
                y[o + (3 * s)] = (r2 - j2) * w3;
                y[o + (4 * s)] = (r1 - j1) * w4;
            }
        }
    }
}
