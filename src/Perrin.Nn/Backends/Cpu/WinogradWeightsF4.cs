using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// The Winograd F(4×4, 3×3) weight transform U = G·g·Gᵀ with
/// G = [1/4 0 0; −1/6 −1/6 −1/6; −1/6 1/6 −1/6; 1/24 1/12 1/6; 1/24 −1/12 1/6; 0 0 1].
/// </summary>
[SkipLocalsInit]
internal static unsafe class WinogradWeightsF4
{
    /// <summary>
    /// Writes u[ξ][cOut][cIn] for the 36 positions ξ = 6·i + j of the transformed 6×6 kernel. The weight is
    /// [cOut][cIn][3][3], or with <paramref name="adjoint"/> [cIn][cOut][3][3] read rotated by 180°. Sums are formed in
    /// double, four input channels per vector with the same operations per lane, so the only rounding is the final
    /// one and the bits do not depend on a channel's place in its vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transform(float* weight, int cOut, int cIn, bool adjoint, float* u)
    {
        var plane = (nint)cOut * cIn;
        var r = stackalloc Vector256<double>[72];
        var t = stackalloc Vector256<double>[18];
        var part = stackalloc float[8];
        for (var co = 0; co < cOut; co++)
        {
            for (var ci = 0; ci < cIn; ci += 8)
            {
                FourChannels(weight, cOut, cIn, adjoint, co, ci, t, r);
                FourChannels(weight, cOut, cIn, adjoint, co, ci + 4, t, r + 36);
                var at = u + (nint)co * cIn + ci;
                var n = Math.Min(8, cIn - ci);
                for (var xi = 0; xi < 36; xi++)
                {
                    var v = Vector256.Narrow(r[xi], r[36 + xi]);
                    if (n == 8)
                    {
                        v.Store(at + xi * plane);
                        continue;
                    }
                    v.Store(part);
                    for (var q = 0; q < n; q++) at[xi * plane + q] = part[q];
                }
            }
        }
    }

    /// <summary>The 36 transformed values of input channels ci … ci + 3 (zero past the last channel), one per lane; t holds G·g.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourChannels(float* weight, int cOut, int cIn, bool adjoint, int co, int ci,
        Vector256<double>* t, Vector256<double>* r)
    {
        for (var c = 0; c < 3; c++)
        {
            Apply(Taps(weight, cOut, cIn, adjoint, co, ci, c), Taps(weight, cOut, cIn, adjoint, co, ci, 3 + c),
                Taps(weight, cOut, cIn, adjoint, co, ci, 6 + c), out t[c], out t[3 + c], out t[6 + c], out t[9 + c],
                out t[12 + c], out t[15 + c]);
        }
        for (var i = 0; i < 6; i++)
        {
            var o = r + 6 * i;
            Apply(t[3 * i], t[3 * i + 1], t[3 * i + 2], out o[0], out o[1], out o[2], out o[3], out o[4], out o[5]);
        }
    }

    /// <summary>G·(g0, g1, g2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Apply(Vector256<double> g0, Vector256<double> g1, Vector256<double> g2,
        out Vector256<double> t0, out Vector256<double> t1, out Vector256<double> t2, out Vector256<double> t3,
        out Vector256<double> t4, out Vector256<double> t5)
    {
        var sum = g0 + g2;
        var quad = g0 + Vector256.Create(4.0) * g2;
        var twice = Vector256.Create(2.0) * g1;
        t0 = Vector256.Create(0.25) * g0;
        t1 = (sum + g1) / Vector256.Create(-6.0);
        t2 = (sum - g1) / Vector256.Create(-6.0);
        t3 = (quad + twice) / Vector256.Create(24.0);
        t4 = (quad - twice) / Vector256.Create(24.0);
        t5 = g2;
    }

    /// <summary>Tap k of channels ci … ci + 3; zero for channels past the last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Taps(float* weight, int cOut, int cIn, bool adjoint, int co, int ci, int k) =>
        Vector256.Create(Tap(weight, cOut, cIn, adjoint, co, ci, k), Tap(weight, cOut, cIn, adjoint, co, ci + 1, k),
            Tap(weight, cOut, cIn, adjoint, co, ci + 2, k), Tap(weight, cOut, cIn, adjoint, co, ci + 3, k));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Tap(float* weight, int cOut, int cIn, bool adjoint, int co, int ci, int k) =>
        ci >= cIn ? 0.0 : adjoint ? weight[((nint)ci * cOut + co) * 9 + 8 - k] : weight[((nint)co * cIn + ci) * 9 + k];
}
