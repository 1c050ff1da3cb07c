using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// The one-dimensional Winograd F(4, 3) transforms on six values, as scalars and as vectors with the same operations
/// in the same order, so every kernel that uses them gives the bits of <see cref="WinogradTransformF4Scalar"/>.
/// Bᵀ = [4 0 −5 0 1 0; 0 −4 −4 1 1 0; 0 4 −4 −1 1 0; 0 −2 −1 2 1 0; 0 2 −1 −2 1 0; 0 4 0 −5 0 1] (points 0, ±1, ±2, ∞)
/// and Aᵀ = [1 1 1 1 1 0; 0 1 −1 2 −2 0; 0 1 1 4 4 0; 0 1 −1 8 −8 1]. Common differences are formed once, so
/// the input transform costs 18 operations instead of 24 and the output transform 14 instead of 20.
/// </summary>
internal static class WinogradF4
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void In(float x0, float x1, float x2, float x3, float x4, float x5, out float v0, out float v1,
        out float v2, out float v3, out float v4, out float v5)
    {
        var p = x4 - 4f * x2;
        var q = x3 - 4f * x1;
        var r = x4 - x2;
        var s = 2f * (x3 - x1);
        v0 = 4f * (x0 - x2) + r;
        v1 = p + q;
        v2 = p - q;
        v3 = r + s;
        v4 = r - s;
        v5 = 4f * (x1 - x3) + (x5 - x3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void In(Vector256<float> x0, Vector256<float> x1, Vector256<float> x2, Vector256<float> x3,
        Vector256<float> x4, Vector256<float> x5, out Vector256<float> v0, out Vector256<float> v1,
        out Vector256<float> v2, out Vector256<float> v3, out Vector256<float> v4, out Vector256<float> v5)
    {
        var four = Vector256.Create(4f);
        var p = x4 - four * x2;
        var q = x3 - four * x1;
        var r = x4 - x2;
        var s = Vector256.Create(2f) * (x3 - x1);
        v0 = four * (x0 - x2) + r;
        v1 = p + q;
        v2 = p - q;
        v3 = r + s;
        v4 = r - s;
        v5 = four * (x1 - x3) + (x5 - x3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Out(float m0, float m1, float m2, float m3, float m4, float m5, out float y0, out float y1,
        out float y2, out float y3)
    {
        var a = m1 + m2;
        var b = m1 - m2;
        var c = m3 + m4;
        var d = m3 - m4;
        y0 = m0 + a + c;
        y1 = b + 2f * d;
        y2 = a + 4f * c;
        y3 = b + 8f * d + m5;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Out(Vector256<float> m0, Vector256<float> m1, Vector256<float> m2, Vector256<float> m3,
        Vector256<float> m4, Vector256<float> m5, out Vector256<float> y0, out Vector256<float> y1,
        out Vector256<float> y2, out Vector256<float> y3)
    {
        var a = m1 + m2;
        var b = m1 - m2;
        var c = m3 + m4;
        var d = m3 - m4;
        y0 = m0 + a + c;
        y1 = b + Vector256.Create(2f) * d;
        y2 = a + Vector256.Create(4f) * c;
        y3 = b + Vector256.Create(8f) * d + m5;
    }
}
