using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Ops;

/// <summary>
/// Fused per-plane kernels of the normalization backward passes. Each reads its inputs once, where the same
/// result from TensorPrimitives would need a temporary plane and two more passes over memory.
/// </summary>
internal static class PlaneKernels
{
    /// <summary>Σ g·(x − mean). Centring before the product avoids the cancellation of Σg·x − mean·Σg when |mean| ≫ σ.</summary>
    public static float CenteredDot(ReadOnlySpan<float> g, ReadOnlySpan<float> x, float mean)
    {
        ref var gr = ref MemoryMarshal.GetReference(g);
        ref var xr = ref MemoryMarshal.GetReference(x);
        var n = Math.Min(g.Length, x.Length);
        var i = 0;
        var sum = 0f;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            var m = Vector512.Create(mean);
            var acc = Vector512<float>.Zero;
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
                acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref gr, (nuint)i), Vector512.LoadUnsafe(ref xr, (nuint)i) - m, acc);
            sum = Vector512.Sum(acc);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            var m = Vector256.Create(mean);
            var acc = Vector256<float>.Zero;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var gv = Vector256.LoadUnsafe(ref gr, (nuint)i);
                var xv = Vector256.LoadUnsafe(ref xr, (nuint)i) - m;
                acc = Fma.IsSupported ? Fma.MultiplyAdd(gv, xv, acc) : acc + (gv * xv);
            }
            sum = Vector256.Sum(acc);
        }
        for (; i < n; i++) sum += g[i] * (x[i] - mean);
        return sum;
    }

    /// <summary>dst = a·g + b·(x − mean) + c: the closed-form input gradient of a normalization, one plane at a time.</summary>
    public static void Combine(ReadOnlySpan<float> g, ReadOnlySpan<float> x, float a, float b, float mean, float c, Span<float> dst)
    {
        ref var gr = ref MemoryMarshal.GetReference(g);
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var dr = ref MemoryMarshal.GetReference(dst);
        var n = Math.Min(dst.Length, Math.Min(g.Length, x.Length));
        var i = 0;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            Vector512<float> av = Vector512.Create(a), bv = Vector512.Create(b), mv = Vector512.Create(mean), cv = Vector512.Create(c);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var t = Vector512.FusedMultiplyAdd(bv, Vector512.LoadUnsafe(ref xr, (nuint)i) - mv, cv);
                Vector512.FusedMultiplyAdd(av, Vector512.LoadUnsafe(ref gr, (nuint)i), t).StoreUnsafe(ref dr, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            Vector256<float> av = Vector256.Create(a), bv = Vector256.Create(b), mv = Vector256.Create(mean), cv = Vector256.Create(c);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var xv = Vector256.LoadUnsafe(ref xr, (nuint)i) - mv;
                var gv = Vector256.LoadUnsafe(ref gr, (nuint)i);
                var r = Fma.IsSupported ? Fma.MultiplyAdd(av, gv, Fma.MultiplyAdd(bv, xv, cv)) : (av * gv) + ((bv * xv) + cv);
                r.StoreUnsafe(ref dr, (nuint)i);
            }
        }
        for (; i < n; i++) dst[i] = (a * g[i]) + ((b * (x[i] - mean)) + c);
    }

    /// <summary>dst = x·scale + shift (TensorPrimitives has no overload with two scalars).</summary>
    public static void ScaleShift(ReadOnlySpan<float> x, float scale, float shift, Span<float> dst)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var dr = ref MemoryMarshal.GetReference(dst);
        var n = Math.Min(x.Length, dst.Length);
        var i = 0;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            Vector512<float> sv = Vector512.Create(scale), cv = Vector512.Create(shift);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xr, (nuint)i), sv, cv).StoreUnsafe(ref dr, (nuint)i);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            Vector256<float> sv = Vector256.Create(scale), cv = Vector256.Create(shift);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var xv = Vector256.LoadUnsafe(ref xr, (nuint)i);
                (Fma.IsSupported ? Fma.MultiplyAdd(xv, sv, cv) : (xv * sv) + cv).StoreUnsafe(ref dr, (nuint)i);
            }
        }
        for (; i < n; i++) dst[i] = (x[i] * scale) + shift;
    }
}
