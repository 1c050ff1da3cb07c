using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Perrin.Core.Randomness;

/// <summary>
/// e^x for x in [−700, 0], written once per vector width with the same operations in the same order and every
/// multiply-add fused, so a lane of a vector result has the same bits as the scalar result. Math.Exp cannot
/// promise that, and a draw that depends on e^−λ must not depend on the vector width. Accurate to about an ulp:
/// x = n·ln 2 + r with |r| ≤ ln 2 / 2, and e^r from its Taylor series to r¹³ (truncation below 10⁻¹⁷).
/// </summary>
internal static class ExpKernel
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;

    // Adding 1.5·2⁵² rounds to an integer (to nearest, ties to even) and leaves it in the low mantissa bits.
    private const double Shifter = 6755399441055744.0;
    private const long ShifterBits = 0x4338000000000000;

    private const double C2 = 1.0 / 2;
    private const double C3 = 1.0 / 6;
    private const double C4 = 1.0 / 24;
    private const double C5 = 1.0 / 120;
    private const double C6 = 1.0 / 720;
    private const double C7 = 1.0 / 5040;
    private const double C8 = 1.0 / 40320;
    private const double C9 = 1.0 / 362880;
    private const double C10 = 1.0 / 3628800;
    private const double C11 = 1.0 / 39916800;
    private const double C12 = 1.0 / 479001600;
    private const double C13 = 1.0 / 6227020800;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x)
    {
        var t = x * Log2E;
        t += Shifter;
        var n = t - Shifter;
        var r = Math.FusedMultiplyAdd(-n, Ln2High, x);
        r = Math.FusedMultiplyAdd(-n, Ln2Low, r);
        var p = Math.FusedMultiplyAdd(C13, r, C12);
        p = Math.FusedMultiplyAdd(p, r, C11);
        p = Math.FusedMultiplyAdd(p, r, C10);
        p = Math.FusedMultiplyAdd(p, r, C9);
        p = Math.FusedMultiplyAdd(p, r, C8);
        p = Math.FusedMultiplyAdd(p, r, C7);
        p = Math.FusedMultiplyAdd(p, r, C6);
        p = Math.FusedMultiplyAdd(p, r, C5);
        p = Math.FusedMultiplyAdd(p, r, C4);
        p = Math.FusedMultiplyAdd(p, r, C3);
        p = Math.FusedMultiplyAdd(p, r, C2);
        p = Math.FusedMultiplyAdd(p, r, 1.0);
        p = Math.FusedMultiplyAdd(p, r, 1.0);
        var scale = BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(t) - ShifterBits + 1023) << 52);
        return p * scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        var t = x * Vector512.Create(Log2E);
        t += Vector512.Create(Shifter);
        var n = t - Vector512.Create(Shifter);
        var r = Vector512.FusedMultiplyAdd(-n, Vector512.Create(Ln2High), x);
        r = Vector512.FusedMultiplyAdd(-n, Vector512.Create(Ln2Low), r);
        var p = Vector512.FusedMultiplyAdd(Vector512.Create(C13), r, Vector512.Create(C12));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C11));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C10));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C9));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C8));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C7));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C6));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C4));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C3));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(C2));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<double>.One);
        p = Vector512.FusedMultiplyAdd(p, r, Vector512<double>.One);
        var scale = Vector512.ShiftLeft(t.AsInt64() - Vector512.Create(ShifterBits - 1023), 52).AsDouble();
        return p * scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        var t = x * Vector256.Create(Log2E);
        t += Vector256.Create(Shifter);
        var n = t - Vector256.Create(Shifter);
        var r = Vector256.FusedMultiplyAdd(-n, Vector256.Create(Ln2High), x);
        r = Vector256.FusedMultiplyAdd(-n, Vector256.Create(Ln2Low), r);
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(C13), r, Vector256.Create(C12));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C11));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C10));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C9));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C8));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C7));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C4));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C3));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(C2));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        var scale = Vector256.ShiftLeft(t.AsInt64() - Vector256.Create(ShifterBits - 1023), 52).AsDouble();
        return p * scale;
    }
}
