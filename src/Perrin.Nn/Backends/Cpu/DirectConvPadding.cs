using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Copies image planes into a zero-bordered buffer so direct-convolution kernels read every tap without bounds
/// checks. The source sits at (top, left) in the padded plane; a negative offset crops, which the backward-data pass
/// needs when the forward padding exceeds the kernel extent minus one.
/// </summary>
internal static unsafe class DirectConvPadding
{
    /// <summary>Row stride of a padded plane: whole vectors of output plus the kernel overhang, so tail loads stay in the row.</summary>
    public static int RowStride(int outW, int kw) => (outW + 15) / 16 * 16 + kw - 1;

    /// <summary>Writes <paramref name="planes"/> padded planes of <paramref name="rows"/> × <paramref name="stride"/> values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Copy(float* src, int planes, int h, int w, int top, int left, float* dst, int rows, int stride)
    {
        var x0 = Math.Max(0, left);
        var x1 = Math.Min(stride, left + w);
        var span = Math.Max(0, x1 - x0);
        var y0 = Math.Clamp(top, 0, rows);
        var y1 = Math.Min(rows, top + h);
        for (var c = 0; c < planes; c++)
        {
            var plane = dst + (nint)c * rows * stride;
            if (span == 0)
            {
                new Span<float>(plane, rows * stride).Clear();
                continue;
            }
            // Only the border is zeroed: clearing the whole plane first wrote every copied value twice, and the
            // rows here are often 10–130 floats, where a library call per border cost more than the bytes it moves.
            new Span<float>(plane, y0 * stride).Clear();
            var image = src + (nint)c * h * w + (x0 - left);
            for (var j = y0; j < y1; j++)
            {
                var row = plane + (nint)j * stride;
                ZeroRun(row, x0);
                CopyRow(image + (nint)(j - top) * w, row + x0, span);
                ZeroRun(row + x0 + span, stride - x0 - span);
            }
            var tail = Math.Max(y0, y1);
            new Span<float>(plane + (nint)tail * stride, (rows - tail) * stride).Clear();
        }
    }

    /// <summary>Pads all images into a pooled buffer (one item per image) and returns it; the caller returns it to the pool.</summary>
    public static float[] PadImages(ChannelPlanes src, int n, int c, int h, int w, int top, int left, int rows,
        int stride, int threads)
    {
        var plane = (long)rows * stride;
        var padded = ArrayPool<float>.Shared.Rent((int)(n * c * plane));
        fixed (float* p = padded)
        {
            var to = (nint)p;
            CpuParallel.For(n, threads, i => src.CopyPadded(i, c, h, w, top, left, (float*)to + i * c * plane, rows,
                stride));
        }
        return padded;
    }

    /// <summary>Whole vectors, the last one overlapping the one before it; rows shorter than a vector go one by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow(float* from, float* to, int n)
    {
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            var last = n - Vector512<float>.Count;
            for (var i = 0; i < last; i += Vector512<float>.Count) Vector512.Store(Vector512.Load(from + i), to + i);
            Vector512.Store(Vector512.Load(from + last), to + last);
            return;
        }
        if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            var last = n - Vector256<float>.Count;
            for (var i = 0; i < last; i += Vector256<float>.Count) Vector256.Store(Vector256.Load(from + i), to + i);
            Vector256.Store(Vector256.Load(from + last), to + last);
            return;
        }
        for (var i = 0; i < n; i++) to[i] = from[i];
    }

    /// <summary>Zeroes n floats: the border columns of a padded row, usually one to a few values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ZeroRun(float* to, int n)
    {
        if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            var last = n - Vector256<float>.Count;
            for (var i = 0; i < last; i += Vector256<float>.Count) Vector256.Store(Vector256<float>.Zero, to + i);
            Vector256.Store(Vector256<float>.Zero, to + last);
            return;
        }
        for (var i = 0; i < n; i++) to[i] = 0f;
    }
}
