using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Simulation.Optics;

/// <summary>SIMD kernels for the patch loops.</summary>
internal static class VectorMath
{
    /// <summary>target += a·x + b·y.</summary>
    public static void AddTwoScaled(Span<double> target, double a, ReadOnlySpan<double> x, double b, ReadOnlySpan<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<double>(a);
            var vb = new Vector<double>(b);
            for (; i <= target.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var t = new Vector<double>(target[i..]);
                (t + (va * new Vector<double>(x[i..])) + (vb * new Vector<double>(y[i..]))).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += (a * x[i]) + (b * y[i]);
        }
    }

    /// <summary>
    /// target += a·p + b·q + c·r + d·s, in single precision. PSF patch rows are a few dozen pixels, so the tail
    /// steps down through narrower vectors rather than falling to scalar code; every width sums in the same order,
    /// so the result does not depend on it.
    /// </summary>
    public static void AddFourScaled(
        Span<float> target, float a, ReadOnlySpan<float> p, float b, ReadOnlySpan<float> q, float c, ReadOnlySpan<float> r, float d, ReadOnlySpan<float> s)
    {
        int n = target.Length;
        if (p.Length < n || q.Length < n || r.Length < n || s.Length < n)
        {
            throw new ArgumentException("each patch row must be as long as the target row", nameof(target));
        }

        ref float t0 = ref MemoryMarshal.GetReference(target);
        ref float p0 = ref MemoryMarshal.GetReference(p);
        ref float q0 = ref MemoryMarshal.GetReference(q);
        ref float r0 = ref MemoryMarshal.GetReference(r);
        ref float s0 = ref MemoryMarshal.GetReference(s);
        nuint i = 0;
        if (Avx512F.IsSupported)
        {
            var (va, vb, vc, vd) = (Vector512.Create(a), Vector512.Create(b), Vector512.Create(c), Vector512.Create(d));
            for (; (int)i <= n - Vector512<float>.Count; i += (nuint)Vector512<float>.Count)
            {
                var sum = (va * Vector512.LoadUnsafe(ref p0, i)) + (vb * Vector512.LoadUnsafe(ref q0, i))
                    + (vc * Vector512.LoadUnsafe(ref r0, i)) + (vd * Vector512.LoadUnsafe(ref s0, i));
                (Vector512.LoadUnsafe(ref t0, i) + sum).StoreUnsafe(ref t0, i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var (va, vb, vc, vd) = (Vector256.Create(a), Vector256.Create(b), Vector256.Create(c), Vector256.Create(d));
            for (; (int)i <= n - Vector256<float>.Count; i += (nuint)Vector256<float>.Count)
            {
                var sum = (va * Vector256.LoadUnsafe(ref p0, i)) + (vb * Vector256.LoadUnsafe(ref q0, i))
                    + (vc * Vector256.LoadUnsafe(ref r0, i)) + (vd * Vector256.LoadUnsafe(ref s0, i));
                (Vector256.LoadUnsafe(ref t0, i) + sum).StoreUnsafe(ref t0, i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var (va, vb, vc, vd) = (Vector128.Create(a), Vector128.Create(b), Vector128.Create(c), Vector128.Create(d));
            for (; (int)i <= n - Vector128<float>.Count; i += (nuint)Vector128<float>.Count)
            {
                var sum = (va * Vector128.LoadUnsafe(ref p0, i)) + (vb * Vector128.LoadUnsafe(ref q0, i))
                    + (vc * Vector128.LoadUnsafe(ref r0, i)) + (vd * Vector128.LoadUnsafe(ref s0, i));
                (Vector128.LoadUnsafe(ref t0, i) + sum).StoreUnsafe(ref t0, i);
            }
        }

        for (int j = (int)i; j < n; j++)
        {
            target[j] += (a * p[j]) + (b * q[j]) + (c * r[j]) + (d * s[j]);
        }
    }
}
