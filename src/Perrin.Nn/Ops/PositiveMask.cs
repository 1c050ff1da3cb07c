using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Perrin.Nn.Ops;

/// <summary>The ReLU backward: the gradient where the output is positive, zero elsewhere (also where it is NaN).</summary>
internal static class PositiveMask
{
    public static void Apply(ReadOnlySpan<float> gradient, ReadOnlySpan<float> output, Span<float> destination)
    {
        if (output.Length != gradient.Length || destination.Length != gradient.Length)
            throw new ArgumentException($"ReLU backward: gradient [{gradient.Length}], output [{output.Length}] and destination [{destination.Length}] must have one length.");
        ref var g0 = ref MemoryMarshal.GetReference(gradient);
        ref var y0 = ref MemoryMarshal.GetReference(output);
        ref var d0 = ref MemoryMarshal.GetReference(destination);
        var n = (nuint)gradient.Length;
        nuint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + (nuint)Vector512<float>.Count <= n; i += (nuint)Vector512<float>.Count)
            {
                var keep = Vector512.GreaterThan(Vector512.LoadUnsafe(ref y0, i), Vector512<float>.Zero);
                Vector512.StoreUnsafe(Vector512.LoadUnsafe(ref g0, i) & keep, ref d0, i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i + (nuint)Vector256<float>.Count <= n; i += (nuint)Vector256<float>.Count)
            {
                var keep = Vector256.GreaterThan(Vector256.LoadUnsafe(ref y0, i), Vector256<float>.Zero);
                Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref g0, i) & keep, ref d0, i);
            }
        }
        for (; i < n; i++) Unsafe.Add(ref d0, i) = Unsafe.Add(ref y0, i) > 0f ? Unsafe.Add(ref g0, i) : 0f;
    }
}
