using System.Numerics;

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

    /// <summary>target += a·p + b·q + c·r + d·s, in single precision.</summary>
    public static void AddFourScaled(
        Span<float> target, float a, ReadOnlySpan<float> p, float b, ReadOnlySpan<float> q, float c, ReadOnlySpan<float> r, float d, ReadOnlySpan<float> s)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<float>(a);
            var vb = new Vector<float>(b);
            var vc = new Vector<float>(c);
            var vd = new Vector<float>(d);
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var sum = (va * new Vector<float>(p[i..])) + (vb * new Vector<float>(q[i..]))
                    + (vc * new Vector<float>(r[i..])) + (vd * new Vector<float>(s[i..]));
                (new Vector<float>(target[i..]) + sum).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += (a * p[i]) + (b * q[i]) + (c * r[i]) + (d * s[i]);
        }
    }
}
