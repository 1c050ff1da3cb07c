using System.Collections.Concurrent;
using System.Numerics;

namespace Perrin.Core.Maths;

/// <summary>
/// One-dimensional discrete Fourier transform of any length, in place.
/// <see cref="Forward"/> computes X[k] = Σₙ x[n]·exp(−2πi·k·n/N) without normalization;
/// <see cref="Inverse"/> computes x[n] = (1/N)·Σₖ X[k]·exp(+2πi·k·n/N), so Inverse(Forward(x)) = x.
/// Index 0 is the zero frequency; use <see cref="FftShift"/> to centre it.
/// Powers of two use a radix-2 plan, other products of 2, 3 and 5 a mixed-radix plan, and the remaining lengths
/// Bluestein's chirp transform. Plans are built once per
/// length and shared safely between threads.
/// </summary>
public static class Fft
{
    private static readonly ConcurrentDictionary<int, IFftPlan> Plans = new();

    public static void Forward(Span<Complex> data) => Transform(data, inverse: false);

    public static void Inverse(Span<Complex> data)
    {
        Transform(data, inverse: true);
        Scale(data, 1.0 / Math.Max(data.Length, 1));
    }

    /// <summary>The transform with a positive exponent and no 1/N factor (the adjoint of <see cref="Forward"/>).</summary>
    public static void InverseUnnormalized(Span<Complex> data) => Transform(data, inverse: true);

    internal static IFftPlan GetPlan(int length) => Plans.GetOrAdd(length, CreatePlan);

    internal static void Transform(Span<Complex> data, bool inverse)
    {
        if (data.Length <= 1)
        {
            return;
        }

        GetPlan(data.Length).Transform(data, inverse);
    }

    internal static void Scale(Span<Complex> data, double factor)
    {
        for (int i = 0; i < data.Length; i++)
        {
            data[i] *= factor;
        }
    }

    private static IFftPlan CreatePlan(int length)
    {
        if (BitOperations.IsPow2(length))
        {
            return new Radix2Plan(length);
        }

        if (MixedRadixPlan.Supports(length))
        {
            return new MixedRadixPlan(length);
        }

        if (length > (1 << 28))
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "Transforms longer than 2^28 samples of a non-power-of-two length are not supported.");
        }

        int inner = (int)BitOperations.RoundUpToPowerOf2((uint)((2 * length) - 1));
        return new BluesteinPlan(length, (Radix2Plan)GetPlan(inner));
    }
}
