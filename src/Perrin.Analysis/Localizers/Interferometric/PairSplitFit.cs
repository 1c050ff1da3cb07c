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
    public static double Cost(ReadOnlySpan<double> target, ReadOnlySpan<Complex> gain, ReadOnlySpan<Complex> first, ReadOnlySpan<Complex> second) =>
        second.IsEmpty ? Single(target, gain, first) : Pair(target, gain, first, second);

    // Basis (u, v, 1): the normal equations' sums in locals, each the products of every pixel in pixel order.
    private static double Single(ReadOnlySpan<double> target, ReadOnlySpan<Complex> gain, ReadOnlySpan<Complex> first)
    {
        double a00 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, b0 = 0, b1 = 0, b2 = 0;
        for (var i = 0; i < target.Length; i++)
        {
            var (u, v) = Quadratures(first[i], gain[i]);
            var t = target[i];
            b0 += u * t;
            a00 += u * u;
            b1 += v * t;
            a10 += v * u;
            a11 += v * v;
            b2 += t;
            a20 += u;
            a21 += v;
        }

        // The offset column's products are 1: its own sum is the pixel count.
        double a22 = target.Length;

        Span<double> a = [a00, a10, a20, a10, a11, a21, a20, a21, a22];
        Span<double> b = [b0, b1, b2];
        if (!SymmetricSolver.TryFactor(a, 3))
        {
            return double.PositiveInfinity;
        }

        SymmetricSolver.Solve(a, 3, b);
        double cost = 0;
        for (var i = 0; i < target.Length; i++)
        {
            var (u, v) = Quadratures(first[i], gain[i]);
            var model = 0.0;
            model += u * b[0];
            model += v * b[1];
            model += b[2];
            var residual = target[i] - model;
            cost += residual * residual;
        }

        return double.IsFinite(cost) ? cost : double.PositiveInfinity;
    }

    // Basis (u₁, v₁, u₂, v₂, 1), as Single.
    private static double Pair(ReadOnlySpan<double> target, ReadOnlySpan<Complex> gain, ReadOnlySpan<Complex> first, ReadOnlySpan<Complex> second)
    {
        double a00 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, a22 = 0, a30 = 0, a31 = 0, a32 = 0, a33 = 0, a40 = 0, a41 = 0, a42 = 0, a43 = 0;
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0;
        for (var i = 0; i < target.Length; i++)
        {
            var (u1, v1) = Quadratures(first[i], gain[i]);
            var (u2, v2) = Quadratures(second[i], gain[i]);
            var t = target[i];
            b0 += u1 * t;
            a00 += u1 * u1;
            b1 += v1 * t;
            a10 += v1 * u1;
            a11 += v1 * v1;
            b2 += u2 * t;
            a20 += u2 * u1;
            a21 += u2 * v1;
            a22 += u2 * u2;
            b3 += v2 * t;
            a30 += v2 * u1;
            a31 += v2 * v1;
            a32 += v2 * u2;
            a33 += v2 * v2;
            b4 += t;
            a40 += u1;
            a41 += v1;
            a42 += u2;
            a43 += v2;
        }

        double a44 = target.Length;

        Span<double> a =
        [
            a00, a10, a20, a30, a40,
            a10, a11, a21, a31, a41,
            a20, a21, a22, a32, a42,
            a30, a31, a32, a33, a43,
            a40, a41, a42, a43, a44,
        ];
        Span<double> b = [b0, b1, b2, b3, b4];
        if (!SymmetricSolver.TryFactor(a, 5))
        {
            return double.PositiveInfinity;
        }

        SymmetricSolver.Solve(a, 5, b);
        double cost = 0;
        for (var i = 0; i < target.Length; i++)
        {
            var (u1, v1) = Quadratures(first[i], gain[i]);
            var (u2, v2) = Quadratures(second[i], gain[i]);
            var model = 0.0;
            model += u1 * b[0];
            model += v1 * b[1];
            model += u2 * b[2];
            model += v2 * b[3];
            model += b[4];
            var residual = target[i] - model;
            cost += residual * residual;
        }

        return double.IsFinite(cost) ? cost : double.PositiveInfinity;
    }

    // A scatterer's two quadratures 2·Re(F·g) and −2·Im(F·g); the offset's basis (1) comes after all of them.
    private static (double U, double V) Quadratures(Complex field, Complex gain)
    {
        var g = field * gain;
        return (2 * g.Real, -2 * g.Imaginary);
    }
}
