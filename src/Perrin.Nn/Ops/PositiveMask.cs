using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Perrin.Nn.Backends.Cpu;

namespace Perrin.Nn.Ops;

/// <summary>The ReLU backward: the gradient where the output is positive, zero elsewhere (also where it is NaN).</summary>
internal static unsafe class PositiveMask
{
    /// <summary>
    /// Floats per work item when the mask is split over threads: below two of them one pass at memory speed takes a
    /// few microseconds, less than handing work to another thread costs.
    /// </summary>
    internal const int Block = 1 << 15;

    public static void Apply(ReadOnlySpan<float> gradient, ReadOnlySpan<float> output, Span<float> destination)
    {
        Check(gradient, output, destination);
        Run(gradient, output, destination);
    }

    /// <summary>As <see cref="Apply(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/> on up to <paramref name="threads"/> workers, each element masked by one of them.</summary>
    public static void Apply(ReadOnlySpan<float> gradient, ReadOnlySpan<float> output, Span<float> destination, int threads)
    {
        Check(gradient, output, destination);
        var blocks = (gradient.Length + Block - 1) / Block;
        if (threads <= 1 || blocks < 2)
        {
            Run(gradient, output, destination);
            return;
        }
        fixed (float* pg = gradient, py = output, pd = destination)
        {
            var g = new PinnedSpan<float>(pg, gradient.Length);
            var y = new PinnedSpan<float>(py, output.Length);
            var d = new PinnedSpan<float>(pd, destination.Length);
            CpuParallel.For(blocks, threads, block =>
            {
                var start = block * Block;
                var length = Math.Min(Block, g.Length - start);
                Run(g.Slice(start, length), y.Slice(start, length), d.Slice(start, length));
            });
        }
    }

    private static void Check(ReadOnlySpan<float> gradient, ReadOnlySpan<float> output, Span<float> destination)
    {
        if (output.Length != gradient.Length || destination.Length != gradient.Length)
            throw new ArgumentException($"ReLU backward: gradient [{gradient.Length}], output [{output.Length}] and destination [{destination.Length}] must have one length.");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run(ReadOnlySpan<float> gradient, ReadOnlySpan<float> output, Span<float> destination)
    {
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
