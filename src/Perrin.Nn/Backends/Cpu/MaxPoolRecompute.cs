using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Perrin.Nn.Backends.Cpu;

/// <summary>
/// Max pooling without stored argmax indices: the forward keeps only the maxima (vectorized for 2×2 stride 2) and the
/// backward finds each window's winner again from the input with the same rule as
/// <see cref="PoolingKernels.MaxPoolForward"/> (first maximum in row-major window order; a NaN wins). Training then
/// needs no index memory, and the 2×2 forward runs at memory speed.
/// </summary>
internal static unsafe class MaxPoolRecompute
{
    public static void Forward(Pool2dGeometry g, ReadOnlySpan<float> input, Span<float> output, int threads)
    {
        const string op = "MaxPool2d.Forward";
        KernelChecks.Length(op, "input", input.Length, g.InputLength, g.InputDims);
        KernelChecks.Length(op, "output", output.Length, g.OutputLength, g.OutputDims);
        KernelChecks.Threads(op, threads);
        int inPlane = g.H * g.W, outPlane = g.OutH * g.OutW;
        fixed (float* pi = input, po = output)
        {
            var x = new PinnedSpan<float>(pi, input.Length);
            var y = new PinnedSpan<float>(po, output.Length);
            CpuParallel.For(g.N * g.C, threads, plane =>
            {
                var src = x.Slice(plane * inPlane, inPlane);
                var dst = y.Slice(plane * outPlane, outPlane);
                if (g.IsTwoByTwo)
                {
                    for (var oh = 0; oh < g.OutH; oh++)
                        TwoByTwoRow(src.Slice(2 * oh * g.W, 2 * g.W), g.W, dst.Slice(oh * g.OutW, g.OutW));
                }
                else
                {
                    var idx = ArrayPool<int>.Shared.Rent(outPlane);
                    try
                    {
                        PoolingKernels.MaxPlane(g, src, dst, idx.AsSpan(0, outPlane));
                    }
                    finally
                    {
                        ArrayPool<int>.Shared.Return(idx);
                    }
                }
            });
        }
    }

    /// <summary>Routes each output gradient to its window's winner in <paramref name="input"/>; gradInput is overwritten.</summary>
    public static void Backward(Pool2dGeometry g, ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput, Span<float> gradInput, int threads)
    {
        const string op = "MaxPool2d.Backward";
        KernelChecks.Length(op, "input", input.Length, g.InputLength, g.InputDims);
        KernelChecks.Length(op, "output gradient", gradOutput.Length, g.OutputLength, g.OutputDims);
        KernelChecks.Length(op, "input gradient", gradInput.Length, g.InputLength, g.InputDims);
        KernelChecks.Threads(op, threads);
        int inPlane = g.H * g.W, outPlane = g.OutH * g.OutW;
        fixed (float* pi = input, pg = gradOutput, pd = gradInput)
        {
            var x = new PinnedSpan<float>(pi, input.Length);
            var dy = new PinnedSpan<float>(pg, gradOutput.Length);
            var dx = new PinnedSpan<float>(pd, gradInput.Length);
            CpuParallel.For(g.N * g.C, threads, plane =>
            {
                var src = x.Slice(plane * inPlane, inPlane);
                var grad = dy.Slice(plane * outPlane, outPlane);
                var dst = dx.Slice(plane * inPlane, inPlane);
                if (g.IsTwoByTwo)
                {
                    TwoByTwoBackward(g, src, grad, dst);
                    return;
                }
                dst.Clear();
                var idx = ArrayPool<int>.Shared.Rent(outPlane);
                var max = ArrayPool<float>.Shared.Rent(outPlane);
                try
                {
                    PoolingKernels.MaxPlane(g, src, max.AsSpan(0, outPlane), idx.AsSpan(0, outPlane));
                    for (var o = 0; o < outPlane; o++) dst[idx[o]] += grad[o];
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(idx);
                    ArrayPool<float>.Shared.Return(max);
                }
            });
        }
    }

    /// <summary>One output row of a 2×2 stride-2 pool from the two input rows starting at <paramref name="rows"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TwoByTwoRow(ReadOnlySpan<float> rows, int w, Span<float> y)
    {
        ref var top = ref MemoryMarshal.GetReference(rows);
        ref var bottom = ref Unsafe.Add(ref top, w);
        var outW = y.Length;
        var o = 0;
        // A row's last block overlaps the one before instead of leaving a tail to scalar code (which costs about as
        // much as all the vector blocks on 11-wide rows): recomputing a window writes the same values.
        if (Avx2.IsSupported && outW >= 8)
        {
            for (; o < outW; o += 8)
            {
                var at = Math.Min(o, outW - 8);
                var a = NanMax(Vector256.LoadUnsafe(ref top, (nuint)(2 * at)), Vector256.LoadUnsafe(ref bottom, (nuint)(2 * at)));
                var b = NanMax(Vector256.LoadUnsafe(ref top, (nuint)((2 * at) + 8)), Vector256.LoadUnsafe(ref bottom, (nuint)((2 * at) + 8)));
                var even = Avx.Shuffle(a, b, 0b10_00_10_00);
                var odd = Avx.Shuffle(a, b, 0b11_01_11_01);
                // Lanes come out as outputs 0 1 4 5 | 2 3 6 7; swapping the middle 64-bit pairs restores the order.
                var m = NanMax(even, odd).AsDouble();
                Avx2.Permute4x64(m, 0b11_01_10_00).AsSingle().StoreUnsafe(ref MemoryMarshal.GetReference(y), (nuint)at);
            }
        }
        if (Sse.IsSupported && outW >= 4)
        {
            for (; o < outW; o += 4)
            {
                var at = Math.Min(o, outW - 4);
                var a = NanMax(Vector128.LoadUnsafe(ref top, (nuint)(2 * at)), Vector128.LoadUnsafe(ref bottom, (nuint)(2 * at)));
                var b = NanMax(Vector128.LoadUnsafe(ref top, (nuint)((2 * at) + 4)), Vector128.LoadUnsafe(ref bottom, (nuint)((2 * at) + 4)));
                NanMax(Sse.Shuffle(a, b, 0b10_00_10_00), Sse.Shuffle(a, b, 0b11_01_11_01))
                    .StoreUnsafe(ref MemoryMarshal.GetReference(y), (nuint)at);
            }
        }
        for (; o < outW; o++)
        {
            var i = 2 * o;
            var max = Unsafe.Add(ref top, i);
            Take(Unsafe.Add(ref top, i + 1), ref max);
            Take(Unsafe.Add(ref bottom, i), ref max);
            Take(Unsafe.Add(ref bottom, i + 1), ref max);
            y[o] = max;
        }
    }

    /// <summary>max(a, b), NaN if either is NaN, as the scalar rule gives for maxima (which NaN wins does not matter for values).</summary>
    private static Vector256<float> NanMax(Vector256<float> a, Vector256<float> b) =>
        Vector256.ConditionalSelect(Vector256.IsNaN(a), a, Vector256.ConditionalSelect(Vector256.IsNaN(b), b, Avx.Max(a, b)));

    private static Vector128<float> NanMax(Vector128<float> a, Vector128<float> b) =>
        Vector128.ConditionalSelect(Vector128.IsNaN(a), a, Vector128.ConditionalSelect(Vector128.IsNaN(b), b, Sse.Max(a, b)));

    private static void Take(float v, ref float max)
    {
        if (v > max || float.IsNaN(v)) max = v;
    }

    /// <summary>
    /// Writes every element of each pooled window (the winner gets the gradient, the rest zero) and clears only what
    /// no window covers: an odd last row or column.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TwoByTwoBackward(Pool2dGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> grad, Span<float> dst)
    {
        int w = g.W, outW = g.OutW, covered = 2 * outW;
        dst[(2 * g.OutH * w)..].Clear();
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var d0 = ref MemoryMarshal.GetReference(dst);
        for (var oh = 0; oh < g.OutH; oh++)
        {
            var top = 2 * oh * w;
            if (covered < w)
            {
                // Two-by-two windows leave at most one column uncovered.
                Unsafe.Add(ref d0, top + covered) = 0f;
                Unsafe.Add(ref d0, top + w + covered) = 0f;
            }
            ref var gRow = ref MemoryMarshal.GetReference(grad.Slice(oh * outW, outW));
            var ow = 0;
            // As in the forward, the last block overlaps instead of leaving a scalar tail: every window is assigned,
            // so writing one twice changes nothing.
            if (Avx2.IsSupported && outW >= 8)
            {
                for (; ow < outW; ow += 8)
                {
                    var at = Math.Min(ow, outW - 8);
                    TwoByTwoBackward8(ref Unsafe.Add(ref x0, top + (2 * at)), ref Unsafe.Add(ref d0, top + (2 * at)), w,
                        Vector256.LoadUnsafe(ref gRow, (nuint)at));
                }
            }
            if (Sse.IsSupported && outW >= 4)
            {
                for (; ow < outW; ow += 4)
                {
                    var at = Math.Min(ow, outW - 4);
                    TwoByTwoBackward4(ref Unsafe.Add(ref x0, top + (2 * at)), ref Unsafe.Add(ref d0, top + (2 * at)), w,
                        Vector128.LoadUnsafe(ref gRow, (nuint)at));
                }
            }
            for (; ow < outW; ow++)
            {
                var i = top + (2 * ow);
                var max = Unsafe.Add(ref x0, i);
                var at = i;
                Pick(Unsafe.Add(ref x0, i + 1), i + 1, ref max, ref at);
                Pick(Unsafe.Add(ref x0, i + w), i + w, ref max, ref at);
                Pick(Unsafe.Add(ref x0, i + w + 1), i + w + 1, ref max, ref at);
                Unsafe.Add(ref d0, i) = 0f;
                Unsafe.Add(ref d0, i + 1) = 0f;
                Unsafe.Add(ref d0, i + w) = 0f;
                Unsafe.Add(ref d0, i + w + 1) = 0f;
                Unsafe.Add(ref d0, at) = Unsafe.Add(ref gRow, ow);
            }
        }
    }

    /// <summary>As <see cref="TwoByTwoBackward8"/> for four windows, whose lanes stay in order within 128 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TwoByTwoBackward4(ref float x, ref float d, int w, Vector128<float> g)
    {
        var t0 = Vector128.LoadUnsafe(ref x);
        var t1 = Vector128.LoadUnsafe(ref x, 4);
        var b0 = Vector128.LoadUnsafe(ref x, (nuint)w);
        var b1 = Vector128.LoadUnsafe(ref x, (nuint)(w + 4));
        var a = Sse.Shuffle(t0, t1, 0b10_00_10_00);
        var b = Sse.Shuffle(t0, t1, 0b11_01_11_01);
        var c = Sse.Shuffle(b0, b1, 0b10_00_10_00);
        var e = Sse.Shuffle(b0, b1, 0b11_01_11_01);
        var takeB = Vector128.GreaterThan(b, a) | Vector128.IsNaN(b);
        var m = Vector128.ConditionalSelect(takeB, b, a);
        var takeC = Vector128.GreaterThan(c, m) | Vector128.IsNaN(c);
        m = Vector128.ConditionalSelect(takeC, c, m);
        var takeD = Vector128.GreaterThan(e, m) | Vector128.IsNaN(e);
        var winC = Vector128.AndNot(takeC, takeD);
        var winB = Vector128.AndNot(Vector128.AndNot(takeB, takeC), takeD);
        var winA = ~(takeB | takeC | takeD);
        var ga = g & winA;
        var gb = g & winB;
        var gc = g & winC;
        var gd = g & takeD;
        Sse.UnpackLow(ga, gb).StoreUnsafe(ref d);
        Sse.UnpackHigh(ga, gb).StoreUnsafe(ref d, 4);
        Sse.UnpackLow(gc, gd).StoreUnsafe(ref d, (nuint)w);
        Sse.UnpackHigh(gc, gd).StoreUnsafe(ref d, (nuint)(w + 4));
    }

    /// <summary>
    /// Eight windows at once: the winner masks follow the scalar rule in window order (a later element wins if it is
    /// greater or NaN), and the gradients are interleaved back into both input rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TwoByTwoBackward8(ref float x, ref float d, int w, Vector256<float> g)
    {
        var t0 = Vector256.LoadUnsafe(ref x);
        var t1 = Vector256.LoadUnsafe(ref x, 8);
        var b0 = Vector256.LoadUnsafe(ref x, (nuint)w);
        var b1 = Vector256.LoadUnsafe(ref x, (nuint)(w + 8));
        // Window order a (top left), b (top right), c (bottom left), d (bottom right); lanes are outputs 0 1 4 5 | 2 3 6 7.
        var a = Avx.Shuffle(t0, t1, 0b10_00_10_00);
        var b = Avx.Shuffle(t0, t1, 0b11_01_11_01);
        var c = Avx.Shuffle(b0, b1, 0b10_00_10_00);
        var e = Avx.Shuffle(b0, b1, 0b11_01_11_01);
        var takeB = Vector256.GreaterThan(b, a) | Vector256.IsNaN(b);
        var m = Vector256.ConditionalSelect(takeB, b, a);
        var takeC = Vector256.GreaterThan(c, m) | Vector256.IsNaN(c);
        m = Vector256.ConditionalSelect(takeC, c, m);
        var takeD = Vector256.GreaterThan(e, m) | Vector256.IsNaN(e);
        var winD = takeD;
        var winC = Vector256.AndNot(takeC, takeD);
        var winB = Vector256.AndNot(Vector256.AndNot(takeB, takeC), takeD);
        var winA = ~(takeB | takeC | takeD);
        var gp = Avx2.Permute4x64(g.AsDouble(), 0b11_01_10_00).AsSingle();
        var ga = gp & winA.AsSingle();
        var gb = gp & winB.AsSingle();
        var gc = gp & winC.AsSingle();
        var gd = gp & winD.AsSingle();
        Avx.UnpackLow(ga, gb).StoreUnsafe(ref d);
        Avx.UnpackHigh(ga, gb).StoreUnsafe(ref d, 8);
        Avx.UnpackLow(gc, gd).StoreUnsafe(ref d, (nuint)w);
        Avx.UnpackHigh(gc, gd).StoreUnsafe(ref d, (nuint)(w + 8));
    }

    private static void Pick(float v, int i, ref float max, ref int at)
    {
        if (v > max || float.IsNaN(v))
        {
            max = v;
            at = i;
        }
    }
}
