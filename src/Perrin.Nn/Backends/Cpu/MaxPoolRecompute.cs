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
                dst.Clear();
                if (g.IsTwoByTwo)
                {
                    TwoByTwoBackward(g, src, grad, dst);
                    return;
                }
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
    private static void TwoByTwoRow(ReadOnlySpan<float> rows, int w, Span<float> y)
    {
        ref var top = ref MemoryMarshal.GetReference(rows);
        ref var bottom = ref Unsafe.Add(ref top, w);
        var outW = y.Length;
        var o = 0;
        if (Avx2.IsSupported)
        {
            for (; o + 8 <= outW; o += 8)
            {
                var a = NanMax(Vector256.LoadUnsafe(ref top, (nuint)(2 * o)), Vector256.LoadUnsafe(ref bottom, (nuint)(2 * o)));
                var b = NanMax(Vector256.LoadUnsafe(ref top, (nuint)((2 * o) + 8)), Vector256.LoadUnsafe(ref bottom, (nuint)((2 * o) + 8)));
                var even = Avx.Shuffle(a, b, 0b10_00_10_00);
                var odd = Avx.Shuffle(a, b, 0b11_01_11_01);
                // Lanes come out as outputs 0 1 4 5 | 2 3 6 7; swapping the middle 64-bit pairs restores the order.
                var m = NanMax(even, odd).AsDouble();
                Avx2.Permute4x64(m, 0b11_01_10_00).AsSingle().StoreUnsafe(ref MemoryMarshal.GetReference(y), (nuint)o);
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

    private static void Take(float v, ref float max)
    {
        if (v > max || float.IsNaN(v)) max = v;
    }

    private static void TwoByTwoBackward(Pool2dGeometry g, ReadOnlySpan<float> x, ReadOnlySpan<float> grad, Span<float> dst)
    {
        var w = g.W;
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var d0 = ref MemoryMarshal.GetReference(dst);
        for (var oh = 0; oh < g.OutH; oh++)
        {
            var top = 2 * oh * w;
            var gRow = grad.Slice(oh * g.OutW, g.OutW);
            var ow = 0;
            if (Avx2.IsSupported)
            {
                for (; ow + 8 <= g.OutW; ow += 8)
                    TwoByTwoBackward8(ref Unsafe.Add(ref x0, top + (2 * ow)), ref Unsafe.Add(ref d0, top + (2 * ow)), w,
                        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(gRow), (nuint)ow));
            }
            for (; ow < g.OutW; ow++)
            {
                var i = top + (2 * ow);
                var max = x[i];
                var at = i;
                Pick(x[i + 1], i + 1, ref max, ref at);
                Pick(x[i + w], i + w, ref max, ref at);
                Pick(x[i + w + 1], i + w + 1, ref max, ref at);
                dst[at] += gRow[ow];
            }
        }
    }

    /// <summary>
    /// Eight windows at once: the winner masks follow the scalar rule in window order (a later element wins if it is
    /// greater or NaN), and the gradients are interleaved back into both input rows.
    /// </summary>
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
