using System.Numerics;
using Perrin.Analysis.Localizers.Mle;

namespace Perrin.Analysis.Localizers.Interferometric;

/// <summary>
/// Linear least squares of a fit window's target against one or two scatterers at fixed positions and depth and a
/// constant offset: each scatterer adds 2·Re(a·F·g) for a complex amplitude a, so the unknowns are the amplitudes'
/// real and imaginary parts and the offset. The scatterers' own |a·F|², a few per cent of the signal for the
/// strongest, is left out on both sides of the comparison it serves: whether a window is better explained by one
/// scatterer or by two close ones.
/// </summary>
internal static class PairSplitFit
{
    /// <summary>The residual sum of squares with <paramref name="first"/> alone, or with it and <paramref name="second"/>; +∞ when unsolvable.</summary>
    public static double Cost(ReadOnlySpan<double> target, ReadOnlySpan<Complex> gain, ReadOnlySpan<Complex> first, ReadOnlySpan<Complex> second)
    {
        var k = second.IsEmpty ? 3 : 5;
        Span<double> a = stackalloc double[25];
        Span<double> b = stackalloc double[5];
        Span<double> basis = stackalloc double[5];
        a.Clear();
        b.Clear();
        for (var i = 0; i < target.Length; i++)
        {
            Basis(gain[i], first[i], second.IsEmpty ? default : second[i], k, basis);
            for (var r = 0; r < k; r++)
            {
                b[r] += basis[r] * target[i];
                for (var c = 0; c <= r; c++)
                {
                    a[(r * k) + c] += basis[r] * basis[c];
                }
            }
        }

        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < r; c++)
            {
                a[(c * k) + r] = a[(r * k) + c];
            }
        }

        if (!SymmetricSolver.TryFactor(a[..(k * k)], k))
        {
            return double.PositiveInfinity;
        }

        SymmetricSolver.Solve(a[..(k * k)], k, b[..k]);
        double cost = 0;
        for (var i = 0; i < target.Length; i++)
        {
            Basis(gain[i], first[i], second.IsEmpty ? default : second[i], k, basis);
            var model = 0.0;
            for (var r = 0; r < k; r++)
            {
                model += basis[r] * b[r];
            }

            var residual = target[i] - model;
            cost += residual * residual;
        }

        return double.IsFinite(cost) ? cost : double.PositiveInfinity;
    }

    // The offset's basis (1) comes last, after each scatterer's two quadratures 2·Re(F·g) and −2·Im(F·g).
    private static void Basis(Complex gain, Complex first, Complex second, int k, Span<double> basis)
    {
        var g1 = first * gain;
        basis[0] = 2 * g1.Real;
        basis[1] = -2 * g1.Imaginary;
        if (k == 5)
        {
            var g2 = second * gain;
            basis[2] = 2 * g2.Real;
            basis[3] = -2 * g2.Imaginary;
        }

        basis[k - 1] = 1;
    }
}
