using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>The Winograd F(2×2, 3×3) weight transform U = G·g·Gᵀ.</summary>
[SkipLocalsInit]
internal static unsafe class WinogradWeights
{
    /// <summary>
    /// Writes u[ξ][cOut][cIn] for the 16 positions ξ = 4·i + j of the transformed 4×4 kernel. The weight is
    /// [cOut][cIn][3][3], or with <paramref name="adjoint"/> [cIn][cOut][3][3] read rotated by 180°. Sums are
    /// formed in double so the transform adds no rounding beyond the final one. Sixteen input channels at a time go
    /// through vectors of doubles, the same operations in the same order per lane, so the bits are those of one
    /// channel at a time: one channel at a time cost 1–2% of a bench U-Net step, since every step transforms each
    /// Winograd layer's weight twice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transform(float* weight, int cOut, int cIn, bool adjoint, float* u)
    {
        var plane = (nint)cOut * cIn;
        var r = stackalloc Vector256<double>[64];
        for (var co = 0; co < cOut; co++)
        {
            var ci = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; ci + 16 <= cIn; ci += 16)
                {
                    for (var q = 0; q < 4; q++) FourChannels(weight, cOut, cIn, adjoint, co, ci + 4 * q, r + 16 * q);
                    var at = u + (nint)co * cIn + ci;
                    // A whole cache line per position ξ: the 16 destinations lie cOut·cIn floats apart, often a
                    // multiple of 4 KiB, and half lines written in turn evicted one another before they were full.
                    for (var xi = 0; xi < 16; xi++)
                    {
                        Vector256.Narrow(r[xi], r[16 + xi]).Store(at + xi * plane);
                        Vector256.Narrow(r[32 + xi], r[48 + xi]).Store(at + xi * plane + 8);
                    }
                }
            }
            for (; ci < cIn; ci++) OneChannel(weight, cOut, cIn, adjoint, co, ci, u, plane);
        }
    }

    /// <summary>The 16 transformed values of input channels ci … ci + 3, one per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourChannels(float* weight, int cOut, int cIn, bool adjoint, int co, int ci,
        Vector256<double>* r)
    {
        var (t00, t10, t20, t30) = Column(weight, cOut, cIn, adjoint, co, ci, 0);
        var (t01, t11, t21, t31) = Column(weight, cOut, cIn, adjoint, co, ci, 1);
        var (t02, t12, t22, t32) = Column(weight, cOut, cIn, adjoint, co, ci, 2);
        Row(t00, t01, t02, r);
        Row(t10, t11, t12, r + 4);
        Row(t20, t21, t22, r + 8);
        Row(t30, t31, t32, r + 12);
    }

    /// <summary>G·g for kernel column c: the rows of t = G·g in that column, four channels per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double>, Vector256<double>, Vector256<double>, Vector256<double>) Column(float* weight,
        int cOut, int cIn, bool adjoint, int co, int ci, int c)
    {
        var g0 = Taps(weight, cOut, cIn, adjoint, co, ci, c);
        var g1 = Taps(weight, cOut, cIn, adjoint, co, ci, 3 + c);
        var g2 = Taps(weight, cOut, cIn, adjoint, co, ci, 6 + c);
        var half = Vector256.Create(0.5);
        return (g0, half * (g0 + g1 + g2), half * (g0 - g1 + g2), g2);
    }

    /// <summary>One row of t·Gᵀ from the row (r0, r1, r2) of t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row(Vector256<double> r0, Vector256<double> r1, Vector256<double> r2, Vector256<double>* r)
    {
        var half = Vector256.Create(0.5);
        r[0] = r0;
        r[1] = half * (r0 + r1 + r2);
        r[2] = half * (r0 - r1 + r2);
        r[3] = r2;
    }

    /// <summary>Tap k of channels ci … ci + 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Taps(float* weight, int cOut, int cIn, bool adjoint, int co, int ci, int k) =>
        Vector256.Create(Tap(weight, cOut, cIn, adjoint, co, ci, k), Tap(weight, cOut, cIn, adjoint, co, ci + 1, k),
            Tap(weight, cOut, cIn, adjoint, co, ci + 2, k), Tap(weight, cOut, cIn, adjoint, co, ci + 3, k));

    private static void OneChannel(float* weight, int cOut, int cIn, bool adjoint, int co, int ci, float* u, nint plane)
    {
        Span<double> g = stackalloc double[9];
        Span<double> t = stackalloc double[12];
        for (var k = 0; k < 9; k++) g[k] = Tap(weight, cOut, cIn, adjoint, co, ci, k);
        for (var c = 0; c < 3; c++)
        {
            double g0 = g[c], g1 = g[3 + c], g2 = g[6 + c];
            t[c] = g0;
            t[3 + c] = 0.5 * (g0 + g1 + g2);
            t[6 + c] = 0.5 * (g0 - g1 + g2);
            t[9 + c] = g2;
        }
        var at = u + (nint)co * cIn + ci;
        for (var i = 0; i < 4; i++)
        {
            double r0 = t[3 * i], r1 = t[3 * i + 1], r2 = t[3 * i + 2];
            at[(4 * i + 0) * plane] = (float)r0;
            at[(4 * i + 1) * plane] = (float)(0.5 * (r0 + r1 + r2));
            at[(4 * i + 2) * plane] = (float)(0.5 * (r0 - r1 + r2));
            at[(4 * i + 3) * plane] = (float)r2;
        }
    }

    /// <summary>Tap k (row-major 3×3) of the kernel from input channel ci to output channel co, as the transform reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Tap(float* weight, int cOut, int cIn, bool adjoint, int co, int ci, int k) =>
        adjoint ? weight[((nint)ci * cOut + co) * 9 + 8 - k] : weight[((nint)co * cIn + ci) * 9 + k];
}
